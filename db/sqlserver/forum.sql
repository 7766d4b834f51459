IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(max) NULL,
        [PreferredCulture] nvarchar(max) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [ForumId] int NULL,
        [AtUtc] datetime2 NOT NULL,
        [UserId] nvarchar(max) NULL,
        [UserName] nvarchar(256) NOT NULL,
        [EntityType] varchar(64) NOT NULL,
        [EntityId] varchar(64) NOT NULL,
        [Action] varchar(64) NOT NULL,
        [Before] nvarchar(max) NULL,
        [After] nvarchar(max) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [Forums] (
        [Id] int NOT NULL IDENTITY,
        [Acronym] nvarchar(32) NOT NULL,
        [NameEn] nvarchar(300) NOT NULL,
        [NameZh] nvarchar(300) NOT NULL,
        [ThemeEn] nvarchar(300) NULL,
        [ThemeZh] nvarchar(300) NULL,
        [PlaceEn] nvarchar(200) NOT NULL,
        [PlaceZh] nvarchar(200) NOT NULL,
        [StartDate] date NOT NULL,
        [EndDate] date NOT NULL,
        [TimeZoneId] nvarchar(64) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Forums] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] bigint NOT NULL IDENTITY,
        [CreatedUtc] datetime2 NOT NULL,
        [ToAddress] nvarchar(256) NOT NULL,
        [ToName] nvarchar(256) NULL,
        [Subject] nvarchar(500) NOT NULL,
        [Purpose] varchar(64) NOT NULL,
        [MessageId] varchar(256) NOT NULL,
        [MimeContent] varbinary(max) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptUtc] datetime2 NOT NULL,
        [ClaimedBy] varchar(64) NULL,
        [ClaimedUntilUtc] datetime2 NULL,
        [SentUtc] datetime2 NULL,
        [LastError] nvarchar(2000) NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [PartnerCities] (
        [Id] int NOT NULL IDENTITY,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [NameLocal] nvarchar(200) NULL,
        [CountryCode] char(2) NOT NULL,
        [HunanPartnerEn] nvarchar(200) NOT NULL,
        [HunanPartnerZh] nvarchar(200) NOT NULL,
        [Relation] nvarchar(32) NOT NULL,
        [YearEstablished] int NOT NULL,
        CONSTRAINT [PK_PartnerCities] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [Tracks] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [Color] nvarchar(16) NOT NULL,
        CONSTRAINT [PK_Tracks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Tracks_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [Venues] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [AddressEn] nvarchar(400) NULL,
        [AddressZh] nvarchar(400) NULL,
        [MapUrl] nvarchar(500) NULL,
        CONSTRAINT [PK_Venues] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Venues_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [Delegations] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [PartnerCityId] int NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [CountryCode] char(2) NOT NULL,
        [Quota] int NULL,
        CONSTRAINT [PK_Delegations] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Delegations_Quota] CHECK (Quota IS NULL OR Quota >= 0),
        CONSTRAINT [FK_Delegations_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Delegations_PartnerCities_PartnerCityId] FOREIGN KEY ([PartnerCityId]) REFERENCES [PartnerCities] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [Rooms] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [VenueId] int NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [Capacity] int NOT NULL,
        [OpensAt] time NULL,
        [ClosesAt] time NULL,
        CONSTRAINT [PK_Rooms] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Rooms_Capacity] CHECK (Capacity >= 0),
        CONSTRAINT [FK_Rooms_Venues_VenueId] FOREIGN KEY ([VenueId]) REFERENCES [Venues] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [Delegates] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegationId] int NULL,
        [UserId] nvarchar(450) NULL,
        [FamilyName] nvarchar(100) NOT NULL,
        [GivenName] nvarchar(100) NOT NULL,
        [NativeName] nvarchar(200) NULL,
        [NativeNameLanguage] varchar(16) NULL,
        [Honorific] nvarchar(40) NULL,
        [Position] nvarchar(200) NULL,
        [Organization] nvarchar(200) NULL,
        [CountryCode] char(2) NOT NULL,
        [Email] nvarchar(256) NOT NULL,
        [Phone] varchar(32) NULL,
        [Category] nvarchar(32) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [PrecedenceRank] int NOT NULL,
        [PreferredLanguage] varchar(16) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Delegates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Delegates_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE SET NULL,
        CONSTRAINT [FK_Delegates_Delegations_DelegationId] FOREIGN KEY ([DelegationId]) REFERENCES [Delegations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Delegates_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE TABLE [Sessions] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Type] nvarchar(32) NOT NULL,
        [TitleEn] nvarchar(300) NOT NULL,
        [TitleZh] nvarchar(300) NOT NULL,
        [AbstractEn] nvarchar(4000) NULL,
        [AbstractZh] nvarchar(4000) NULL,
        [TrackId] int NULL,
        [RoomId] int NULL,
        [StartUtc] datetime2 NOT NULL,
        [EndUtc] datetime2 NOT NULL,
        [Capacity] int NULL,
        [Languages] nvarchar(64) NOT NULL,
        [IsPublic] bit NOT NULL,
        CONSTRAINT [PK_Sessions] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Sessions_EndAfterStart] CHECK (EndUtc > StartUtc),
        CONSTRAINT [FK_Sessions_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Sessions_Rooms_RoomId] FOREIGN KEY ([RoomId]) REFERENCES [Rooms] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Sessions_Tracks_TrackId] FOREIGN KEY ([TrackId]) REFERENCES [Tracks] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityId_AtUtc] ON [AuditEntries] ([EntityType], [EntityId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_ForumId_AtUtc] ON [AuditEntries] ([ForumId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Delegates_DelegationId] ON [Delegates] ([DelegationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Delegates_ForumId_CountryCode] ON [Delegates] ([ForumId], [CountryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Delegates_ForumId_Email] ON [Delegates] ([ForumId], [Email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Delegates_ForumId_PrecedenceRank_FamilyName] ON [Delegates] ([ForumId], [PrecedenceRank], [FamilyName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Delegates_ForumId_Status] ON [Delegates] ([ForumId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Delegates_ForumId_UserId] ON [Delegates] ([ForumId], [UserId]) WHERE [UserId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Delegates_UserId] ON [Delegates] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Delegations_ForumId_NameEn] ON [Delegations] ([ForumId], [NameEn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Delegations_PartnerCityId] ON [Delegations] ([PartnerCityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Forums_Acronym] ON [Forums] ([Acronym]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Forums_StartDate] ON [Forums] ([StartDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboxMessages_MessageId] ON [OutboxMessages] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_Status_NextAttemptUtc] ON [OutboxMessages] ([Status], [NextAttemptUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnerCities_CountryCode] ON [PartnerCities] ([CountryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PartnerCities_NameEn_CountryCode_HunanPartnerEn] ON [PartnerCities] ([NameEn], [CountryCode], [HunanPartnerEn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Rooms_ForumId_VenueId] ON [Rooms] ([ForumId], [VenueId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Rooms_VenueId] ON [Rooms] ([VenueId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Sessions_ForumId_StartUtc] ON [Sessions] ([ForumId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Sessions_RoomId_StartUtc] ON [Sessions] ([RoomId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Sessions_TrackId] ON [Sessions] ([TrackId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Tracks_ForumId] ON [Tracks] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    CREATE INDEX [IX_Venues_ForumId] ON [Venues] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128133313_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128133313_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Forums] ADD [Capacity] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Forums] ADD [EditClosesUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Forums] ADD [OpenRegistration] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Forums] ADD [PlacesTaken] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Forums] ADD [RegistrationClosesUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Forums] ADD [RetentionDays] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [AccessibilityNeeds] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [ConsentUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [DateOfBirthProtected] varchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [DietaryNeeds] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [Gender] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [InterpretationLanguage] varchar(16) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [Nationality] char(2) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [NeedsVisaLetter] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [PassportExpiry] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [PassportNumberProtected] varchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [PassportPlaceOfIssue] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    ALTER TABLE [Delegates] ADD [StatusReason] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    EXEC(N'ALTER TABLE [Forums] ADD CONSTRAINT [CK_Forums_PlacesTaken] CHECK (PlacesTaken >= 0 AND (Capacity IS NULL OR PlacesTaken <= Capacity))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    EXEC(N'ALTER TABLE [Forums] ADD CONSTRAINT [CK_Forums_RetentionDays] CHECK (RetentionDays >= 0)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128141240_RegistrationSettings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128141240_RegistrationSettings', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128144850_Invitations'
)
BEGIN
    CREATE TABLE [Invitations] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegationId] int NOT NULL,
        [Email] nvarchar(256) NOT NULL,
        [TokenHash] char(64) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [AcceptedUtc] datetime2 NULL,
        [AcceptedDelegateId] int NULL,
        CONSTRAINT [PK_Invitations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Invitations_Delegations_DelegationId] FOREIGN KEY ([DelegationId]) REFERENCES [Delegations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Invitations_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128144850_Invitations'
)
BEGIN
    CREATE INDEX [IX_Invitations_DelegationId] ON [Invitations] ([DelegationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128144850_Invitations'
)
BEGIN
    CREATE INDEX [IX_Invitations_ForumId_DelegationId] ON [Invitations] ([ForumId], [DelegationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128144850_Invitations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Invitations_TokenHash] ON [Invitations] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128144850_Invitations'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128144850_Invitations', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE TABLE [PendingImports] (
        [Id] uniqueidentifier NOT NULL,
        [ForumId] int NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [FileName] nvarchar(260) NOT NULL,
        [Content] varbinary(max) NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_PendingImports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PendingImports_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE TABLE [Questions] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [TextEn] nvarchar(500) NOT NULL,
        [TextZh] nvarchar(500) NOT NULL,
        [Required] bit NOT NULL,
        [Position] int NOT NULL,
        [Retired] bit NOT NULL,
        CONSTRAINT [PK_Questions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Questions_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE TABLE [QuestionChoices] (
        [Id] int NOT NULL IDENTITY,
        [QuestionId] int NOT NULL,
        [TextEn] nvarchar(200) NOT NULL,
        [TextZh] nvarchar(200) NOT NULL,
        [Position] int NOT NULL,
        CONSTRAINT [PK_QuestionChoices] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QuestionChoices_Questions_QuestionId] FOREIGN KEY ([QuestionId]) REFERENCES [Questions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE TABLE [DelegateAnswers] (
        [Id] int NOT NULL IDENTITY,
        [DelegateId] int NOT NULL,
        [QuestionId] int NOT NULL,
        [Text] nvarchar(1000) NULL,
        [ChoiceId] int NULL,
        CONSTRAINT [PK_DelegateAnswers] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_DelegateAnswers_OneValue] CHECK ((Text IS NULL AND ChoiceId IS NOT NULL) OR (Text IS NOT NULL AND ChoiceId IS NULL)),
        CONSTRAINT [FK_DelegateAnswers_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_DelegateAnswers_QuestionChoices_ChoiceId] FOREIGN KEY ([ChoiceId]) REFERENCES [QuestionChoices] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DelegateAnswers_Questions_QuestionId] FOREIGN KEY ([QuestionId]) REFERENCES [Questions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE INDEX [IX_DelegateAnswers_ChoiceId] ON [DelegateAnswers] ([ChoiceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_DelegateAnswers_DelegateId_QuestionId_ChoiceId] ON [DelegateAnswers] ([DelegateId], [QuestionId], [ChoiceId]) WHERE [ChoiceId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE INDEX [IX_DelegateAnswers_QuestionId_ChoiceId] ON [DelegateAnswers] ([QuestionId], [ChoiceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE INDEX [IX_PendingImports_CreatedUtc] ON [PendingImports] ([CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE INDEX [IX_PendingImports_ForumId] ON [PendingImports] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE INDEX [IX_QuestionChoices_QuestionId] ON [QuestionChoices] ([QuestionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    CREATE INDEX [IX_Questions_ForumId_Position] ON [Questions] ([ForumId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175901_QuestionsAndImports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128175901_QuestionsAndImports', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    ALTER TABLE [Sessions] ADD [ExpectedAttendance] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    ALTER TABLE [Sessions] ADD [Interpretation] nvarchar(32) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    ALTER TABLE [Sessions] ADD [InterpretationLanguages] varchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    ALTER TABLE [Sessions] ADD [Sequence] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    ALTER TABLE [Sessions] ADD [UpdatedUtc] datetime2 NOT NULL DEFAULT '0001-01-01T00:00:00.0000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE TABLE [Guests] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NULL,
        [TitleEn] nvarchar(200) NULL,
        [TitleZh] nvarchar(200) NULL,
        [Organization] nvarchar(200) NULL,
        CONSTRAINT [PK_Guests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Guests_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE TABLE [VenueTravelTimes] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [FromVenueId] int NOT NULL,
        [ToVenueId] int NOT NULL,
        [Minutes] int NOT NULL,
        CONSTRAINT [PK_VenueTravelTimes] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_VenueTravelTimes_Minutes] CHECK (Minutes >= 0 AND Minutes <= 1440),
        CONSTRAINT [FK_VenueTravelTimes_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_VenueTravelTimes_Venues_FromVenueId] FOREIGN KEY ([FromVenueId]) REFERENCES [Venues] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_VenueTravelTimes_Venues_ToVenueId] FOREIGN KEY ([ToVenueId]) REFERENCES [Venues] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE TABLE [SessionPeople] (
        [Id] int NOT NULL IDENTITY,
        [SessionId] int NOT NULL,
        [Role] nvarchar(32) NOT NULL,
        [DelegateId] int NULL,
        [GuestId] int NULL,
        [Position] int NOT NULL,
        CONSTRAINT [PK_SessionPeople] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_SessionPeople_OnePerson] CHECK ((DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)),
        CONSTRAINT [FK_SessionPeople_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SessionPeople_Guests_GuestId] FOREIGN KEY ([GuestId]) REFERENCES [Guests] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SessionPeople_Sessions_SessionId] FOREIGN KEY ([SessionId]) REFERENCES [Sessions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE INDEX [IX_Guests_ForumId_NameEn] ON [Guests] ([ForumId], [NameEn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE INDEX [IX_SessionPeople_DelegateId] ON [SessionPeople] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE INDEX [IX_SessionPeople_GuestId] ON [SessionPeople] ([GuestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SessionPeople_SessionId_Role_DelegateId_GuestId] ON [SessionPeople] ([SessionId], [Role], [DelegateId], [GuestId]) WHERE [DelegateId] IS NOT NULL AND [GuestId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE UNIQUE INDEX [IX_VenueTravelTimes_ForumId_FromVenueId_ToVenueId] ON [VenueTravelTimes] ([ForumId], [FromVenueId], [ToVenueId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE INDEX [IX_VenueTravelTimes_FromVenueId] ON [VenueTravelTimes] ([FromVenueId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    CREATE INDEX [IX_VenueTravelTimes_ToVenueId] ON [VenueTravelTimes] ([ToVenueId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191130_ProgrammePeople'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128191130_ProgrammePeople', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    ALTER TABLE [Sessions] ADD [EnrolledCount] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    CREATE TABLE [Enrolments] (
        [Id] int NOT NULL IDENTITY,
        [SessionId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Enrolments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Enrolments_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Enrolments_Sessions_SessionId] FOREIGN KEY ([SessionId]) REFERENCES [Sessions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    CREATE TABLE [ProgrammeReleases] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Version] int NOT NULL,
        [PublishedUtc] datetime2 NOT NULL,
        [PublishedBy] nvarchar(256) NOT NULL,
        [Changelog] nvarchar(4000) NOT NULL,
        [Snapshot] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ProgrammeReleases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProgrammeReleases_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    EXEC(N'ALTER TABLE [Sessions] ADD CONSTRAINT [CK_Sessions_Enrolled] CHECK (EnrolledCount >= 0 AND (Capacity IS NULL OR EnrolledCount <= Capacity))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    CREATE INDEX [IX_Enrolments_DelegateId] ON [Enrolments] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Enrolments_SessionId_DelegateId] ON [Enrolments] ([SessionId], [DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    CREATE INDEX [IX_Enrolments_SessionId_Status_CreatedUtc] ON [Enrolments] ([SessionId], [Status], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ProgrammeReleases_ForumId_Version] ON [ProgrammeReleases] ([ForumId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128192031_ReleasesAndEnrolment'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128192031_ReleasesAndEnrolment', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    ALTER TABLE [Forums] ADD [HostEn] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    ALTER TABLE [Forums] ADD [HostZh] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    ALTER TABLE [Forums] ADD [SignatoryEn] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    ALTER TABLE [Forums] ADD [SignatoryZh] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    ALTER TABLE [Delegates] ADD [CheckInToken] char(32) NOT NULL DEFAULT '';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    UPDATE Delegates SET CheckInToken = LOWER(CONVERT(varchar(32), CRYPT_GEN_RANDOM(16), 2));
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE TABLE [BadgeLayoutChoices] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Category] nvarchar(32) NOT NULL,
        [Layout] int NOT NULL,
        CONSTRAINT [PK_BadgeLayoutChoices] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_BadgeLayoutChoices_Layout] CHECK (Layout BETWEEN 0 AND 2),
        CONSTRAINT [FK_BadgeLayoutChoices_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE TABLE [BadgePrints] (
        [Id] bigint NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [PrintedUtc] datetime2 NOT NULL,
        [ByName] nvarchar(256) NOT NULL,
        [Layout] int NOT NULL,
        [ReprintReason] nvarchar(500) NULL,
        CONSTRAINT [PK_BadgePrints] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BadgePrints_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_BadgePrints_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE TABLE [CheckIns] (
        [Id] bigint NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [Checkpoint] varchar(40) NOT NULL,
        [ScanId] varchar(64) NULL,
        [CheckedInUtc] datetime2 NOT NULL,
        [ByName] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_CheckIns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CheckIns_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_CheckIns_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Delegates_CheckInToken] ON [Delegates] ([CheckInToken]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE UNIQUE INDEX [IX_BadgeLayoutChoices_ForumId_Category] ON [BadgeLayoutChoices] ([ForumId], [Category]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE INDEX [IX_BadgePrints_DelegateId_PrintedUtc] ON [BadgePrints] ([DelegateId], [PrintedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE INDEX [IX_BadgePrints_ForumId] ON [BadgePrints] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CheckIns_DelegateId_Checkpoint] ON [CheckIns] ([DelegateId], [Checkpoint]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    CREATE INDEX [IX_CheckIns_ForumId_Checkpoint] ON [CheckIns] ([ForumId], [Checkpoint]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_CheckIns_ScanId] ON [CheckIns] ([ScanId]) WHERE [ScanId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129003447_CheckInAndBadges'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129003447_CheckInAndBadges', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    ALTER TABLE [Forums] ADD [NoticesInBothLanguages] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE TABLE [NoticeBatches] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [SubjectEn] nvarchar(1000) NULL,
        [BodyEn] nvarchar(max) NULL,
        [SubjectZh] nvarchar(1000) NULL,
        [BodyZh] nvarchar(max) NULL,
        [Audience] nvarchar(1000) NOT NULL,
        [AttachAgenda] bit NOT NULL,
        [AttachVisaLetter] bit NOT NULL,
        [AttachQrCode] bit NOT NULL,
        [Total] int NOT NULL,
        CONSTRAINT [PK_NoticeBatches] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_NoticeBatches_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE TABLE [NoticeTemplates] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Language] varchar(16) NOT NULL,
        [Subject] nvarchar(1000) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        [UpdatedBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_NoticeTemplates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_NoticeTemplates_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE TABLE [NoticeRecipients] (
        [Id] bigint NOT NULL IDENTITY,
        [BatchId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [OutboxMessageId] bigint NULL,
        CONSTRAINT [PK_NoticeRecipients] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_NoticeRecipients_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_NoticeRecipients_NoticeBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [NoticeBatches] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_NoticeRecipients_OutboxMessages_OutboxMessageId] FOREIGN KEY ([OutboxMessageId]) REFERENCES [OutboxMessages] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE INDEX [IX_NoticeBatches_ForumId_CreatedUtc] ON [NoticeBatches] ([ForumId], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NoticeRecipients_BatchId_DelegateId] ON [NoticeRecipients] ([BatchId], [DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE INDEX [IX_NoticeRecipients_BatchId_OutboxMessageId] ON [NoticeRecipients] ([BatchId], [OutboxMessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE INDEX [IX_NoticeRecipients_DelegateId] ON [NoticeRecipients] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE INDEX [IX_NoticeRecipients_OutboxMessageId] ON [NoticeRecipients] ([OutboxMessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NoticeTemplates_ForumId_Kind_Language] ON [NoticeTemplates] ([ForumId], [Kind], [Language]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129013515_Notices'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129013515_Notices', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129022212_ReminderBatches'
)
BEGIN
    ALTER TABLE [NoticeBatches] ADD [ReminderFor] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129022212_ReminderBatches'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_NoticeBatches_ForumId_ReminderFor] ON [NoticeBatches] ([ForumId], [ReminderFor]) WHERE ReminderFor IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129022212_ReminderBatches'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129022212_ReminderBatches', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    ALTER TABLE [Rooms] ADD [Equipment] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    ALTER TABLE [Rooms] ADD [InterpretationBooths] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [AccommodationRequests] (
        [DelegateId] int NOT NULL,
        [ForumId] int NOT NULL,
        [CheckIn] date NOT NULL,
        [CheckOut] date NOT NULL,
        [Type] nvarchar(32) NOT NULL,
        [Sharing] nvarchar(32) NOT NULL,
        [ShareWithDelegateId] int NULL,
        [Notes] nvarchar(500) NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_AccommodationRequests] PRIMARY KEY ([DelegateId]),
        CONSTRAINT [CK_AccommodationRequests_Nights] CHECK (CheckOut > CheckIn),
        CONSTRAINT [FK_AccommodationRequests_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AccommodationRequests_Delegates_ShareWithDelegateId] FOREIGN KEY ([ShareWithDelegateId]) REFERENCES [Delegates] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [Hotels] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [AddressEn] nvarchar(400) NULL,
        [AddressZh] nvarchar(400) NULL,
        [MapUrl] varchar(500) NULL,
        [Phone] varchar(40) NULL,
        [ReservationsEmail] nvarchar(256) NULL,
        CONSTRAINT [PK_Hotels] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Hotels_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [TransportHubs] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Code] varchar(8) NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [Mode] nvarchar(32) NOT NULL,
        CONSTRAINT [PK_TransportHubs] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TransportHubs_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [Vehicles] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Label] nvarchar(100) NOT NULL,
        [Plate] nvarchar(20) NULL,
        [Seats] int NOT NULL,
        [DriverName] nvarchar(100) NULL,
        [DriverPhone] varchar(40) NULL,
        [LiaisonName] nvarchar(100) NULL,
        [LiaisonPhone] varchar(40) NULL,
        CONSTRAINT [PK_Vehicles] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Vehicles_Seats] CHECK (Seats > 0 AND Seats <= 100),
        CONSTRAINT [FK_Vehicles_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [RoomBlocks] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [HotelId] int NOT NULL,
        [Type] nvarchar(32) NOT NULL,
        [Grade] int NOT NULL,
        [DescriptionEn] nvarchar(200) NULL,
        [DescriptionZh] nvarchar(200) NULL,
        [FirstNight] date NOT NULL,
        [LastNight] date NOT NULL,
        [Rooms] int NOT NULL,
        [Allocated] int NOT NULL,
        [Rate] decimal(12,2) NOT NULL,
        [Currency] varchar(3) NOT NULL,
        CONSTRAINT [PK_RoomBlocks] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_RoomBlocks_Allocated] CHECK (Allocated >= 0 AND Allocated <= Rooms),
        CONSTRAINT [CK_RoomBlocks_Nights] CHECK (LastNight >= FirstNight),
        CONSTRAINT [CK_RoomBlocks_Rate] CHECK (Rate >= 0),
        CONSTRAINT [FK_RoomBlocks_Hotels_HotelId] FOREIGN KEY ([HotelId]) REFERENCES [Hotels] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [RoomingListSendings] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [HotelId] int NOT NULL,
        [SentUtc] datetime2 NOT NULL,
        [SentBy] nvarchar(256) NOT NULL,
        [Snapshot] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_RoomingListSendings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RoomingListSendings_Hotels_HotelId] FOREIGN KEY ([HotelId]) REFERENCES [Hotels] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [PickupWaves] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [HubId] int NOT NULL,
        [Direction] nvarchar(32) NOT NULL,
        [StartUtc] datetime2 NOT NULL,
        [EndUtc] datetime2 NOT NULL,
        [DepartsUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_PickupWaves] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_PickupWaves_Window] CHECK (EndUtc >= StartUtc),
        CONSTRAINT [FK_PickupWaves_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_PickupWaves_TransportHubs_HubId] FOREIGN KEY ([HubId]) REFERENCES [TransportHubs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [HotelRooms] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [RoomBlockId] int NOT NULL,
        [RoomNumber] nvarchar(20) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_HotelRooms] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_HotelRooms_RoomBlocks_RoomBlockId] FOREIGN KEY ([RoomBlockId]) REFERENCES [RoomBlocks] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [Transfers] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [PickupWaveId] int NOT NULL,
        [VehicleId] int NOT NULL,
        [Seats] int NOT NULL,
        [Taken] int NOT NULL,
        CONSTRAINT [PK_Transfers] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Transfers_Taken] CHECK (Taken >= 0 AND Taken <= Seats),
        CONSTRAINT [FK_Transfers_PickupWaves_PickupWaveId] FOREIGN KEY ([PickupWaveId]) REFERENCES [PickupWaves] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Transfers_Vehicles_VehicleId] FOREIGN KEY ([VehicleId]) REFERENCES [Vehicles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [RoomOccupants] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [HotelRoomId] int NOT NULL,
        [DelegateId] int NOT NULL,
        CONSTRAINT [PK_RoomOccupants] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RoomOccupants_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RoomOccupants_HotelRooms_HotelRoomId] FOREIGN KEY ([HotelRoomId]) REFERENCES [HotelRooms] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE TABLE [Journeys] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [Direction] nvarchar(32) NOT NULL,
        [Mode] nvarchar(32) NOT NULL,
        [Number] varchar(12) NOT NULL,
        [HubId] int NOT NULL,
        [ScheduledUtc] datetime2 NOT NULL,
        [Terminal] nvarchar(20) NULL,
        [OtherEnd] nvarchar(100) NULL,
        [PickupWaveId] int NULL,
        [TransferId] int NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Journeys] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Journeys_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Journeys_PickupWaves_PickupWaveId] FOREIGN KEY ([PickupWaveId]) REFERENCES [PickupWaves] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Journeys_Transfers_TransferId] FOREIGN KEY ([TransferId]) REFERENCES [Transfers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Journeys_TransportHubs_HubId] FOREIGN KEY ([HubId]) REFERENCES [TransportHubs] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    EXEC(N'ALTER TABLE [Rooms] ADD CONSTRAINT [CK_Rooms_Booths] CHECK (InterpretationBooths >= 0 AND InterpretationBooths <= 20)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_AccommodationRequests_ForumId_CheckIn] ON [AccommodationRequests] ([ForumId], [CheckIn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_AccommodationRequests_ShareWithDelegateId] ON [AccommodationRequests] ([ShareWithDelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_HotelRooms_ForumId_RoomBlockId] ON [HotelRooms] ([ForumId], [RoomBlockId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_HotelRooms_RoomBlockId] ON [HotelRooms] ([RoomBlockId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Hotels_ForumId_NameEn] ON [Hotels] ([ForumId], [NameEn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Journeys_DelegateId_Direction] ON [Journeys] ([DelegateId], [Direction]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_Journeys_ForumId_Direction_ScheduledUtc] ON [Journeys] ([ForumId], [Direction], [ScheduledUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_Journeys_HubId] ON [Journeys] ([HubId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_Journeys_PickupWaveId] ON [Journeys] ([PickupWaveId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_Journeys_TransferId] ON [Journeys] ([TransferId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_PickupWaves_ForumId_StartUtc] ON [PickupWaves] ([ForumId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_PickupWaves_HubId] ON [PickupWaves] ([HubId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_RoomBlocks_ForumId_HotelId] ON [RoomBlocks] ([ForumId], [HotelId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_RoomBlocks_HotelId] ON [RoomBlocks] ([HotelId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_RoomingListSendings_HotelId_SentUtc] ON [RoomingListSendings] ([HotelId], [SentUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RoomOccupants_DelegateId] ON [RoomOccupants] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_RoomOccupants_HotelRoomId] ON [RoomOccupants] ([HotelRoomId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Transfers_PickupWaveId_VehicleId] ON [Transfers] ([PickupWaveId], [VehicleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE INDEX [IX_Transfers_VehicleId] ON [Transfers] ([VehicleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TransportHubs_ForumId_Code] ON [TransportHubs] ([ForumId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Vehicles_ForumId_Label] ON [Vehicles] ([ForumId], [Label]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129034220_VenueLogistics'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129034220_VenueLogistics', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129042050_DashboardIndexes'
)
BEGIN
    DROP INDEX [IX_Delegates_ForumId_CountryCode] ON [Delegates];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129042050_DashboardIndexes'
)
BEGIN
    CREATE INDEX [IX_Delegates_ForumId_CountryCode_Status] ON [Delegates] ([ForumId], [CountryCode], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129042050_DashboardIndexes'
)
BEGIN
    CREATE INDEX [IX_Delegates_ForumId_CreatedUtc] ON [Delegates] ([ForumId], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129042050_DashboardIndexes'
)
BEGIN
    CREATE INDEX [IX_Delegates_ForumId_DelegationId_Status] ON [Delegates] ([ForumId], [DelegationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129042050_DashboardIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129042050_DashboardIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183217_NoticeTemplateFailuresAndBatchCancel'
)
BEGIN
    ALTER TABLE [NoticeTemplates] ADD [FailedUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183217_NoticeTemplateFailuresAndBatchCancel'
)
BEGIN
    ALTER TABLE [NoticeTemplates] ADD [Failure] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183217_NoticeTemplateFailuresAndBatchCancel'
)
BEGIN
    ALTER TABLE [NoticeTemplates] ADD [Failures] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183217_NoticeTemplateFailuresAndBatchCancel'
)
BEGIN
    ALTER TABLE [NoticeRecipients] ADD [Error] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183217_NoticeTemplateFailuresAndBatchCancel'
)
BEGIN
    ALTER TABLE [NoticeBatches] ADD [CancelledBy] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183217_NoticeTemplateFailuresAndBatchCancel'
)
BEGIN
    ALTER TABLE [NoticeBatches] ADD [CancelledUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183217_NoticeTemplateFailuresAndBatchCancel'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129183217_NoticeTemplateFailuresAndBatchCancel', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    CREATE TABLE [AccountSessions] (
        [Key] varchar(64) NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [LastSeenUtc] datetime2 NOT NULL,
        [ExpiresUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_AccountSessions] PRIMARY KEY ([Key]),
        CONSTRAINT [FK_AccountSessions_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    CREATE TABLE [MemberSignInOffers] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [TokenHash] char(64) NULL,
        [SentUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_MemberSignInOffers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MemberSignInOffers_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_MemberSignInOffers_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    DELETE FROM Invitations WHERE AcceptedUtc IS NULL AND EXISTS (SELECT 1 FROM Invitations AS Later WHERE Later.ForumId = Invitations.ForumId AND Later.Email = Invitations.Email AND Later.AcceptedUtc IS NULL AND Later.Id > Invitations.Id)
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Invitations_ForumId_Email] ON [Invitations] ([ForumId], [Email]) WHERE AcceptedUtc IS NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    CREATE INDEX [IX_AccountSessions_ExpiresUtc] ON [AccountSessions] ([ExpiresUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    CREATE INDEX [IX_AccountSessions_UserId] ON [AccountSessions] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MemberSignInOffers_DelegateId] ON [MemberSignInOffers] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    CREATE INDEX [IX_MemberSignInOffers_ForumId] ON [MemberSignInOffers] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_MemberSignInOffers_TokenHash] ON [MemberSignInOffers] ([TokenHash]) WHERE TokenHash IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129183735_ServerSessionsMemberOffersOneInvitation'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129183735_ServerSessionsMemberOffersOneInvitation', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129211404_UnknownAddressFailures'
)
BEGIN
    CREATE TABLE [UnknownAddressFailures] (
        [AddressHash] char(64) NOT NULL,
        [Failures] int NOT NULL,
        [LastFailureUtc] datetime2 NOT NULL,
        [LockedUntilUtc] datetime2 NULL,
        CONSTRAINT [PK_UnknownAddressFailures] PRIMARY KEY ([AddressHash])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129211404_UnknownAddressFailures'
)
BEGIN
    CREATE INDEX [IX_UnknownAddressFailures_LastFailureUtc] ON [UnknownAddressFailures] ([LastFailureUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129211404_UnknownAddressFailures'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129211404_UnknownAddressFailures', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129214517_VisaLetterSignatoryNameAndTitle'
)
BEGIN
    EXEC sp_rename N'[Forums].[SignatoryZh]', N'SignatoryTitleZh', 'COLUMN';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129214517_VisaLetterSignatoryNameAndTitle'
)
BEGIN
    EXEC sp_rename N'[Forums].[SignatoryEn]', N'SignatoryTitleEn', 'COLUMN';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129214517_VisaLetterSignatoryNameAndTitle'
)
BEGIN
    ALTER TABLE [Forums] ADD [SignatoryNameEn] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129214517_VisaLetterSignatoryNameAndTitle'
)
BEGIN
    ALTER TABLE [Forums] ADD [SignatoryNameZh] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129214517_VisaLetterSignatoryNameAndTitle'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129214517_VisaLetterSignatoryNameAndTitle', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129215325_CheckInScansKeptByScanId'
)
BEGIN
    CREATE TABLE [Scans] (
        [Id] bigint NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [ScanId] varchar(64) NOT NULL,
        [Badge] varchar(40) NOT NULL,
        [Checkpoint] varchar(40) NOT NULL,
        [DelegateId] int NULL,
        [Result] varchar(32) NOT NULL,
        [ScannedUtc] datetime2 NOT NULL,
        [ByName] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_Scans] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Scans_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_Scans_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129215325_CheckInScansKeptByScanId'
)
BEGIN
    CREATE INDEX [IX_Scans_DelegateId] ON [Scans] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129215325_CheckInScansKeptByScanId'
)
BEGIN
    CREATE INDEX [IX_Scans_ForumId] ON [Scans] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129215325_CheckInScansKeptByScanId'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Scans_ScanId] ON [Scans] ([ScanId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129215325_CheckInScansKeptByScanId'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129215325_CheckInScansKeptByScanId', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129225031_DelegateNameSearchKey'
)
BEGIN
    ALTER TABLE [Delegates] ADD [SearchKey] nvarchar(2000) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129225031_DelegateNameSearchKey'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129225031_DelegateNameSearchKey', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130003410_DelegateReadableReference'
)
BEGIN
    ALTER TABLE [Forums] ADD [DelegateNumbersIssued] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130003410_DelegateReadableReference'
)
BEGIN
    ALTER TABLE [Delegates] ADD [Reference] varchar(48) NOT NULL DEFAULT '';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130003410_DelegateReadableReference'
)
BEGIN
    EXEC(N'UPDATE d SET Reference = UPPER(LTRIM(RTRIM(f.Acronym))) + ''-'' + FORMAT(d.Id, ''D5'') FROM Delegates AS d JOIN Forums AS f ON f.Id = d.ForumId')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130003410_DelegateReadableReference'
)
BEGIN
    EXEC(N'UPDATE Forums SET DelegateNumbersIssued = COALESCE((SELECT MAX(Delegates.Id) FROM Delegates WHERE Delegates.ForumId = Forums.Id), 0)')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130003410_DelegateReadableReference'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Delegates_ForumId_Reference] ON [Delegates] ([ForumId], [Reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130003410_DelegateReadableReference'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130003410_DelegateReadableReference', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130064448_SecurityClearance'
)
BEGIN
    ALTER TABLE [Forums] ADD [ClearanceRequired] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130064448_SecurityClearance'
)
BEGIN
    ALTER TABLE [Delegates] ADD [Clearance] nvarchar(32) NOT NULL DEFAULT N'Pending';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130064448_SecurityClearance'
)
BEGIN
    ALTER TABLE [Delegates] ADD [ClearanceReason] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130064448_SecurityClearance'
)
BEGIN
    ALTER TABLE [Delegates] ADD [ClearanceUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130064448_SecurityClearance'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130064448_SecurityClearance', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130065244_AccreditationPhotos'
)
BEGIN
    CREATE TABLE [DelegatePhotos] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [ContentProtected] varbinary(max) NOT NULL,
        [ThumbnailProtected] varbinary(max) NOT NULL,
        [Width] int NOT NULL,
        [Height] int NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [RefusalReason] nvarchar(500) NULL,
        [UploadedUtc] datetime2 NOT NULL,
        [UploadedBy] nvarchar(256) NOT NULL,
        [ReviewedUtc] datetime2 NULL,
        [ReviewedBy] nvarchar(256) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_DelegatePhotos] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DelegatePhotos_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_DelegatePhotos_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130065244_AccreditationPhotos'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DelegatePhotos_DelegateId] ON [DelegatePhotos] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130065244_AccreditationPhotos'
)
BEGIN
    CREATE INDEX [IX_DelegatePhotos_ForumId_Status_UploadedUtc] ON [DelegatePhotos] ([ForumId], [Status], [UploadedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130065244_AccreditationPhotos'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130065244_AccreditationPhotos', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130070045_AccompanyingPersons'
)
BEGIN
    ALTER TABLE [Delegates] ADD [AccompaniesId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130070045_AccompanyingPersons'
)
BEGIN
    ALTER TABLE [Delegates] ADD [CompanionRole] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130070045_AccompanyingPersons'
)
BEGIN
    CREATE INDEX [IX_Delegates_AccompaniesId] ON [Delegates] ([AccompaniesId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130070045_AccompanyingPersons'
)
BEGIN
    ALTER TABLE [Delegates] ADD CONSTRAINT [FK_Delegates_Delegates_AccompaniesId] FOREIGN KEY ([AccompaniesId]) REFERENCES [Delegates] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130070045_AccompanyingPersons'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130070045_AccompanyingPersons', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    DROP INDEX [IX_Scans_ForumId] ON [Scans];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    ALTER TABLE [Scans] ADD [Reason] varchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE TABLE [RevokedTokens] (
        [Id] bigint NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [Token] varchar(32) NOT NULL,
        [RevokedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_RevokedTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RevokedTokens_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_RevokedTokens_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE TABLE [Zones] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Code] varchar(2) NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [RoomId] int NULL,
        [Capacity] int NULL,
        CONSTRAINT [PK_Zones] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Zones_Capacity] CHECK (Capacity IS NULL OR Capacity >= 0),
        CONSTRAINT [FK_Zones_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Zones_Rooms_RoomId] FOREIGN KEY ([RoomId]) REFERENCES [Rooms] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE TABLE [DelegateZones] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [ZoneId] int NOT NULL,
        [Granted] bit NOT NULL,
        CONSTRAINT [PK_DelegateZones] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DelegateZones_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_DelegateZones_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]),
        CONSTRAINT [FK_DelegateZones_Zones_ZoneId] FOREIGN KEY ([ZoneId]) REFERENCES [Zones] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE TABLE [ZoneCheckpoints] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [ZoneId] int NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [Direction] nvarchar(32) NOT NULL,
        CONSTRAINT [PK_ZoneCheckpoints] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ZoneCheckpoints_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]),
        CONSTRAINT [FK_ZoneCheckpoints_Zones_ZoneId] FOREIGN KEY ([ZoneId]) REFERENCES [Zones] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE TABLE [ZoneGrants] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [ZoneId] int NOT NULL,
        [Category] nvarchar(32) NOT NULL,
        [Day] date NULL,
        [From] time NULL,
        [Until] time NULL,
        CONSTRAINT [PK_ZoneGrants] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ZoneGrants_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]),
        CONSTRAINT [FK_ZoneGrants_Zones_ZoneId] FOREIGN KEY ([ZoneId]) REFERENCES [Zones] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE TABLE [ZonePresences] (
        [Id] bigint NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegateId] int NOT NULL,
        [ZoneId] int NOT NULL,
        [Inside] bit NOT NULL,
        [ChangedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ZonePresences] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ZonePresences_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_ZonePresences_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]),
        CONSTRAINT [FK_ZonePresences_Zones_ZoneId] FOREIGN KEY ([ZoneId]) REFERENCES [Zones] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_Scans_ForumId_Result] ON [Scans] ([ForumId], [Result]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DelegateZones_DelegateId_ZoneId] ON [DelegateZones] ([DelegateId], [ZoneId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_DelegateZones_ForumId] ON [DelegateZones] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_DelegateZones_ZoneId] ON [DelegateZones] ([ZoneId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_RevokedTokens_DelegateId] ON [RevokedTokens] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_RevokedTokens_ForumId_Token] ON [RevokedTokens] ([ForumId], [Token]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_ZoneCheckpoints_ForumId] ON [ZoneCheckpoints] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_ZoneCheckpoints_ZoneId] ON [ZoneCheckpoints] ([ZoneId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_ZoneGrants_ForumId_Category] ON [ZoneGrants] ([ForumId], [Category]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_ZoneGrants_ZoneId] ON [ZoneGrants] ([ZoneId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ZonePresences_DelegateId_ZoneId] ON [ZonePresences] ([DelegateId], [ZoneId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_ZonePresences_ForumId] ON [ZonePresences] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_ZonePresences_ZoneId_Inside] ON [ZonePresences] ([ZoneId], [Inside]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Zones_ForumId_Code] ON [Zones] ([ForumId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    CREATE INDEX [IX_Zones_RoomId] ON [Zones] ([RoomId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130081036_AccessZones'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130081036_AccessZones', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    ALTER TABLE [SessionPeople] ADD [SpeakingLanguage] varchar(16) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    ALTER TABLE [SessionPeople] ADD [SpeakingMinutes] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    ALTER TABLE [Guests] ADD [HostDepartmentId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    ALTER TABLE [Guests] ADD [LanguagePairs] varchar(128) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE TABLE [HostDepartments] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [Email] nvarchar(256) NULL,
        [ContactName] nvarchar(200) NULL,
        [PreferredLanguage] varchar(16) NOT NULL,
        CONSTRAINT [PK_HostDepartments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_HostDepartments_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE TABLE [ReservedSeats] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [SessionId] int NOT NULL,
        [Table] int NOT NULL,
        [Seat] int NOT NULL,
        [Purpose] nvarchar(32) NOT NULL,
        [Note] nvarchar(200) NULL,
        CONSTRAINT [PK_ReservedSeats] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReservedSeats_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]),
        CONSTRAINT [FK_ReservedSeats_Sessions_SessionId] FOREIGN KEY ([SessionId]) REFERENCES [Sessions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE TABLE [SeatAssignments] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [SessionId] int NOT NULL,
        [Table] int NOT NULL,
        [Seat] int NOT NULL,
        [Behind] bit NOT NULL,
        [DelegateId] int NULL,
        [GuestId] int NULL,
        CONSTRAINT [PK_SeatAssignments] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_SeatAssignments_OnePerson] CHECK ((DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)),
        CONSTRAINT [FK_SeatAssignments_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_SeatAssignments_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]),
        CONSTRAINT [FK_SeatAssignments_Guests_GuestId] FOREIGN KEY ([GuestId]) REFERENCES [Guests] ([Id]),
        CONSTRAINT [FK_SeatAssignments_Sessions_SessionId] FOREIGN KEY ([SessionId]) REFERENCES [Sessions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE TABLE [SeatLayouts] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [RoomId] int NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [NameZh] nvarchar(200) NOT NULL,
        [Shape] nvarchar(32) NOT NULL,
        [Tables] int NOT NULL,
        [SeatsPerTable] int NOT NULL,
        [AisleAfter] int NULL,
        [HeadSeats] int NOT NULL,
        CONSTRAINT [PK_SeatLayouts] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_SeatLayouts_HeadSeats] CHECK (HeadSeats >= 0 AND HeadSeats <= 40),
        CONSTRAINT [CK_SeatLayouts_Seats] CHECK (SeatsPerTable >= 1 AND SeatsPerTable <= 60),
        CONSTRAINT [CK_SeatLayouts_Tables] CHECK (Tables >= 1 AND Tables <= 400),
        CONSTRAINT [FK_SeatLayouts_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_SeatLayouts_Rooms_RoomId] FOREIGN KEY ([RoomId]) REFERENCES [Rooms] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE TABLE [Meetings] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [DelegationId] int NOT NULL,
        [HostDepartmentId] int NULL,
        [PartnerDelegationId] int NULL,
        [Topic] nvarchar(500) NOT NULL,
        [LanguagePair] varchar(32) NULL,
        [DurationMinutes] int NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [DeclineReason] nvarchar(500) NULL,
        [RequestedBy] nvarchar(256) NOT NULL,
        [RequestedUtc] datetime2 NOT NULL,
        [StartUtc] datetime2 NULL,
        [EndUtc] datetime2 NULL,
        [RoomId] int NULL,
        [InterpreterGuestId] int NULL,
        [Sequence] int NOT NULL,
        [Minutes] nvarchar(max) NULL,
        [Outcome] nvarchar(32) NOT NULL,
        [MinutesUtc] datetime2 NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Meetings] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Meetings_Duration] CHECK (DurationMinutes >= 15 AND DurationMinutes <= 240),
        CONSTRAINT [CK_Meetings_EndAfterStart] CHECK (StartUtc IS NULL OR (EndUtc IS NOT NULL AND EndUtc > StartUtc)),
        CONSTRAINT [CK_Meetings_NotWithItself] CHECK (PartnerDelegationId IS NULL OR PartnerDelegationId <> DelegationId),
        CONSTRAINT [CK_Meetings_OnePartner] CHECK ((HostDepartmentId IS NULL AND PartnerDelegationId IS NOT NULL) OR (HostDepartmentId IS NOT NULL AND PartnerDelegationId IS NULL)),
        CONSTRAINT [FK_Meetings_Delegations_DelegationId] FOREIGN KEY ([DelegationId]) REFERENCES [Delegations] ([Id]),
        CONSTRAINT [FK_Meetings_Delegations_PartnerDelegationId] FOREIGN KEY ([PartnerDelegationId]) REFERENCES [Delegations] ([Id]),
        CONSTRAINT [FK_Meetings_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Meetings_Guests_InterpreterGuestId] FOREIGN KEY ([InterpreterGuestId]) REFERENCES [Guests] ([Id]),
        CONSTRAINT [FK_Meetings_HostDepartments_HostDepartmentId] FOREIGN KEY ([HostDepartmentId]) REFERENCES [HostDepartments] ([Id]),
        CONSTRAINT [FK_Meetings_Rooms_RoomId] FOREIGN KEY ([RoomId]) REFERENCES [Rooms] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE TABLE [SessionSeatings] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [SessionId] int NOT NULL,
        [LayoutId] int NOT NULL,
        [HostDelegateId] int NULL,
        [HostGuestId] int NULL,
        [Version] int NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_SessionSeatings] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_SessionSeatings_OneHost] CHECK (HostDelegateId IS NULL OR HostGuestId IS NULL),
        CONSTRAINT [FK_SessionSeatings_Delegates_HostDelegateId] FOREIGN KEY ([HostDelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_SessionSeatings_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]),
        CONSTRAINT [FK_SessionSeatings_Guests_HostGuestId] FOREIGN KEY ([HostGuestId]) REFERENCES [Guests] ([Id]),
        CONSTRAINT [FK_SessionSeatings_SeatLayouts_LayoutId] FOREIGN KEY ([LayoutId]) REFERENCES [SeatLayouts] ([Id]),
        CONSTRAINT [FK_SessionSeatings_Sessions_SessionId] FOREIGN KEY ([SessionId]) REFERENCES [Sessions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE TABLE [MeetingParticipants] (
        [Id] int NOT NULL IDENTITY,
        [MeetingId] int NOT NULL,
        [DelegateId] int NULL,
        [GuestId] int NULL,
        CONSTRAINT [PK_MeetingParticipants] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_MeetingParticipants_OnePerson] CHECK ((DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)),
        CONSTRAINT [FK_MeetingParticipants_Delegates_DelegateId] FOREIGN KEY ([DelegateId]) REFERENCES [Delegates] ([Id]),
        CONSTRAINT [FK_MeetingParticipants_Guests_GuestId] FOREIGN KEY ([GuestId]) REFERENCES [Guests] ([Id]),
        CONSTRAINT [FK_MeetingParticipants_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE TABLE [MeetingPreferences] (
        [Id] int NOT NULL IDENTITY,
        [MeetingId] int NOT NULL,
        [FromUtc] datetime2 NOT NULL,
        [ToUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_MeetingPreferences] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_MeetingPreferences_ToAfterFrom] CHECK (ToUtc > FromUtc),
        CONSTRAINT [FK_MeetingPreferences_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    EXEC(N'ALTER TABLE [SessionPeople] ADD CONSTRAINT [CK_SessionPeople_SpeakingMinutes] CHECK (SpeakingMinutes IS NULL OR (SpeakingMinutes >= 1 AND SpeakingMinutes <= 240))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_Guests_HostDepartmentId] ON [Guests] ([HostDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE UNIQUE INDEX [IX_HostDepartments_ForumId_NameEn] ON [HostDepartments] ([ForumId], [NameEn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_MeetingParticipants_DelegateId] ON [MeetingParticipants] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_MeetingParticipants_GuestId] ON [MeetingParticipants] ([GuestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_MeetingParticipants_MeetingId_DelegateId] ON [MeetingParticipants] ([MeetingId], [DelegateId]) WHERE [DelegateId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_MeetingParticipants_MeetingId_GuestId] ON [MeetingParticipants] ([MeetingId], [GuestId]) WHERE [GuestId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_MeetingPreferences_MeetingId] ON [MeetingPreferences] ([MeetingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_Meetings_DelegationId] ON [Meetings] ([DelegationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_Meetings_ForumId_Status_StartUtc] ON [Meetings] ([ForumId], [Status], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_Meetings_HostDepartmentId] ON [Meetings] ([HostDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_Meetings_InterpreterGuestId_StartUtc] ON [Meetings] ([InterpreterGuestId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_Meetings_PartnerDelegationId] ON [Meetings] ([PartnerDelegationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_Meetings_RoomId_StartUtc] ON [Meetings] ([RoomId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_ReservedSeats_ForumId] ON [ReservedSeats] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReservedSeats_SessionId_Table_Seat] ON [ReservedSeats] ([SessionId], [Table], [Seat]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_SeatAssignments_DelegateId] ON [SeatAssignments] ([DelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_SeatAssignments_ForumId] ON [SeatAssignments] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_SeatAssignments_GuestId] ON [SeatAssignments] ([GuestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SeatAssignments_SessionId_DelegateId] ON [SeatAssignments] ([SessionId], [DelegateId]) WHERE [DelegateId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SeatAssignments_SessionId_GuestId] ON [SeatAssignments] ([SessionId], [GuestId]) WHERE [GuestId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SeatAssignments_SessionId_Table_Seat_Behind] ON [SeatAssignments] ([SessionId], [Table], [Seat], [Behind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_SeatLayouts_ForumId] ON [SeatLayouts] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SeatLayouts_RoomId_NameEn] ON [SeatLayouts] ([RoomId], [NameEn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_SessionSeatings_ForumId] ON [SessionSeatings] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_SessionSeatings_HostDelegateId] ON [SessionSeatings] ([HostDelegateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_SessionSeatings_HostGuestId] ON [SessionSeatings] ([HostGuestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE INDEX [IX_SessionSeatings_LayoutId] ON [SessionSeatings] ([LayoutId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SessionSeatings_SessionId] ON [SessionSeatings] ([SessionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    ALTER TABLE [Guests] ADD CONSTRAINT [FK_Guests_HostDepartments_HostDepartmentId] FOREIGN KEY ([HostDepartmentId]) REFERENCES [HostDepartments] ([Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130091706_Protocol'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130091706_Protocol', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130122257_BadgeBatchJobs'
)
BEGIN
    CREATE TABLE [BadgeBatchJobs] (
        [Id] uniqueidentifier NOT NULL,
        [ForumId] int NOT NULL,
        [DelegateIds] varchar(max) NOT NULL,
        [Layout] int NOT NULL,
        [RequestedBy] nvarchar(256) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [State] nvarchar(32) NOT NULL,
        [Done] int NOT NULL,
        [Total] int NOT NULL,
        [MissingGlyphs] int NOT NULL,
        [Error] nvarchar(2000) NULL,
        [ClaimedBy] varchar(64) NULL,
        [ClaimedUntilUtc] datetime2 NULL,
        [Attempts] int NOT NULL,
        [FinishedUtc] datetime2 NULL,
        CONSTRAINT [PK_BadgeBatchJobs] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_BadgeBatchJobs_Layout] CHECK (Layout BETWEEN 0 AND 2),
        CONSTRAINT [FK_BadgeBatchJobs_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130122257_BadgeBatchJobs'
)
BEGIN
    CREATE TABLE [BadgeBatchFiles] (
        [BatchId] uniqueidentifier NOT NULL,
        [Content] varbinary(max) NOT NULL,
        CONSTRAINT [PK_BadgeBatchFiles] PRIMARY KEY ([BatchId]),
        CONSTRAINT [FK_BadgeBatchFiles_BadgeBatchJobs_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [BadgeBatchJobs] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130122257_BadgeBatchJobs'
)
BEGIN
    CREATE INDEX [IX_BadgeBatchJobs_CreatedUtc] ON [BadgeBatchJobs] ([CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130122257_BadgeBatchJobs'
)
BEGIN
    CREATE INDEX [IX_BadgeBatchJobs_ForumId] ON [BadgeBatchJobs] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130122257_BadgeBatchJobs'
)
BEGIN
    CREATE INDEX [IX_BadgeBatchJobs_State_CreatedUtc] ON [BadgeBatchJobs] ([State], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130122257_BadgeBatchJobs'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130122257_BadgeBatchJobs', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    ALTER TABLE [Delegates] ADD [ChangeSeq] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE TABLE [ApiTokens] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Name] nvarchar(120) NOT NULL,
        [Note] nvarchar(1000) NULL,
        [Scopes] varchar(400) NOT NULL,
        [Prefix] varchar(16) NOT NULL,
        [SecretHash] varchar(64) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedByUserId] nvarchar(450) NULL,
        [CreatedByName] nvarchar(256) NOT NULL,
        [ExpiresUtc] datetime2 NOT NULL,
        [RevokedUtc] datetime2 NULL,
        [RevokedByName] nvarchar(256) NULL,
        [LastUsedUtc] datetime2 NULL,
        [LastUsedAddress] varchar(64) NULL,
        CONSTRAINT [PK_ApiTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApiTokens_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE TABLE [ChangeCounters] (
        [Name] varchar(40) NOT NULL,
        [Value] bigint NOT NULL,
        CONSTRAINT [PK_ChangeCounters] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE TABLE [WebhookEndpoints] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Url] nvarchar(2000) NOT NULL,
        [Description] nvarchar(400) NULL,
        [Events] varchar(1000) NOT NULL,
        [SecretProtected] varchar(max) NOT NULL,
        [AllowPrivateNetwork] bit NOT NULL,
        [Enabled] bit NOT NULL,
        [DisabledUtc] datetime2 NULL,
        [DisabledReason] nvarchar(1000) NULL,
        [FailingSinceUtc] datetime2 NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        [CreatedByUserId] nvarchar(450) NULL,
        [CreatedByName] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_WebhookEndpoints] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WebhookEndpoints_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE TABLE [WebhookEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Type] varchar(40) NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [FannedOutUtc] datetime2 NULL,
        CONSTRAINT [PK_WebhookEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WebhookEvents_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE TABLE [ApiTokenUses] (
        [Id] bigint NOT NULL IDENTITY,
        [TokenId] int NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [Address] varchar(64) NOT NULL,
        [Method] varchar(10) NOT NULL,
        [Path] nvarchar(400) NOT NULL,
        [StatusCode] int NOT NULL,
        CONSTRAINT [PK_ApiTokenUses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApiTokenUses_ApiTokens_TokenId] FOREIGN KEY ([TokenId]) REFERENCES [ApiTokens] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE TABLE [WebhookDeliveries] (
        [Id] bigint NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [EndpointId] int NOT NULL,
        [EventId] bigint NOT NULL,
        [MessageId] varchar(40) NOT NULL,
        [EventType] varchar(40) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [State] nvarchar(32) NOT NULL,
        [Attempts] int NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [NextAttemptUtc] datetime2 NOT NULL,
        [ClaimedBy] varchar(64) NULL,
        [ClaimedUntilUtc] datetime2 NULL,
        [LastAttemptUtc] datetime2 NULL,
        [LastStatusCode] int NULL,
        [LastResponseExcerpt] nvarchar(1000) NULL,
        [LastError] nvarchar(1000) NULL,
        [DeliveredUtc] datetime2 NULL,
        CONSTRAINT [PK_WebhookDeliveries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WebhookDeliveries_WebhookEndpoints_EndpointId] FOREIGN KEY ([EndpointId]) REFERENCES [WebhookEndpoints] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_WebhookDeliveries_WebhookEvents_EventId] FOREIGN KEY ([EventId]) REFERENCES [WebhookEvents] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE TABLE [WebhookAttempts] (
        [Id] bigint NOT NULL IDENTITY,
        [DeliveryId] bigint NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [StatusCode] int NULL,
        [ResponseExcerpt] nvarchar(1000) NULL,
        [Error] nvarchar(1000) NULL,
        [DurationMs] int NOT NULL,
        CONSTRAINT [PK_WebhookAttempts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WebhookAttempts_WebhookDeliveries_DeliveryId] FOREIGN KEY ([DeliveryId]) REFERENCES [WebhookDeliveries] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'Value') AND [object_id] = OBJECT_ID(N'[ChangeCounters]'))
        SET IDENTITY_INSERT [ChangeCounters] ON;
    EXEC(N'INSERT INTO [ChangeCounters] ([Name], [Value])
    VALUES (''delegates'', CAST(0 AS bigint))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'Value') AND [object_id] = OBJECT_ID(N'[ChangeCounters]'))
        SET IDENTITY_INSERT [ChangeCounters] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    UPDATE Delegates SET ChangeSeq = Id;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    UPDATE ChangeCounters SET Value = (SELECT COALESCE(MAX(Id), 0) FROM Delegates) WHERE Name = 'delegates';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_Delegates_ForumId_ChangeSeq] ON [Delegates] ([ForumId], [ChangeSeq]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_ApiTokens_ForumId] ON [ApiTokens] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiTokens_Prefix] ON [ApiTokens] ([Prefix]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_ApiTokenUses_TokenId_AtUtc] ON [ApiTokenUses] ([TokenId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookAttempts_DeliveryId_Id] ON [WebhookAttempts] ([DeliveryId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_EndpointId_Id] ON [WebhookDeliveries] ([EndpointId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WebhookDeliveries_EventId_EndpointId] ON [WebhookDeliveries] ([EventId], [EndpointId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WebhookDeliveries_MessageId] ON [WebhookDeliveries] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_State_NextAttemptUtc] ON [WebhookDeliveries] ([State], [NextAttemptUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookEndpoints_ForumId_Enabled] ON [WebhookEndpoints] ([ForumId], [Enabled]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookEvents_FannedOutUtc_Id] ON [WebhookEvents] ([FannedOutUtc], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookEvents_ForumId] ON [WebhookEvents] ([ForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130150225_ApiAndWebhooks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130150225_ApiAndWebhooks', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130175436_ContentLanguagesAndEditions'
)
BEGIN
    ALTER TABLE [Forums] ADD [ClonedFromId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130175436_ContentLanguagesAndEditions'
)
BEGIN
    ALTER TABLE [Forums] ADD [FurtherLanguages] varchar(100) NOT NULL DEFAULT '';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130175436_ContentLanguagesAndEditions'
)
BEGIN
    CREATE TABLE [ContentTranslations] (
        [Id] int NOT NULL IDENTITY,
        [ForumId] int NOT NULL,
        [Field] varchar(40) NOT NULL,
        [ItemId] int NOT NULL,
        [Language] varchar(16) NOT NULL,
        [Value] nvarchar(max) NOT NULL,
        [SourceHash] varchar(16) NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        [UpdatedBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_ContentTranslations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContentTranslations_Forums_ForumId] FOREIGN KEY ([ForumId]) REFERENCES [Forums] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130175436_ContentLanguagesAndEditions'
)
BEGIN
    CREATE INDEX [IX_Forums_ClonedFromId] ON [Forums] ([ClonedFromId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130175436_ContentLanguagesAndEditions'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ContentTranslations_ForumId_Language_Field_ItemId] ON [ContentTranslations] ([ForumId], [Language], [Field], [ItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130175436_ContentLanguagesAndEditions'
)
BEGIN
    ALTER TABLE [Forums] ADD CONSTRAINT [FK_Forums_Forums_ClonedFromId] FOREIGN KEY ([ClonedFromId]) REFERENCES [Forums] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130175436_ContentLanguagesAndEditions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130175436_ContentLanguagesAndEditions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130180319_EditionDetails'
)
BEGIN
    ALTER TABLE [Invitations] ADD [CarriedFromForumId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130180319_EditionDetails'
)
BEGIN
    CREATE INDEX [IX_Invitations_CarriedFromForumId] ON [Invitations] ([CarriedFromForumId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130180319_EditionDetails'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Invitations_ForumId_CarriedFromForumId_Email] ON [Invitations] ([ForumId], [CarriedFromForumId], [Email]) WHERE CarriedFromForumId IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130180319_EditionDetails'
)
BEGIN
    ALTER TABLE [Invitations] ADD CONSTRAINT [FK_Invitations_Forums_CarriedFromForumId] FOREIGN KEY ([CarriedFromForumId]) REFERENCES [Forums] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130180319_EditionDetails'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130180319_EditionDetails', N'10.0.15');
END;

COMMIT;
GO

