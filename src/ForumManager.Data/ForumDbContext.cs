using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Directory;
using ForumManager.Core.Forums;
using ForumManager.Core.Imports;
using ForumManager.Core.Mail;
using ForumManager.Core.Programme;
using ForumManager.Core.Registration;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data;

public sealed class ForumDbContext(DbContextOptions<ForumDbContext> options)
    : IdentityDbContext<ForumUser>(options), IDataProtectionKeyContext
{
    public DbSet<Forum> Forums => Set<Forum>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Guest> Guests => Set<Guest>();
    public DbSet<ProgrammeRelease> ProgrammeReleases => Set<ProgrammeRelease>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<SessionPerson> SessionPeople => Set<SessionPerson>();
    public DbSet<VenueTravelTime> VenueTravelTimes => Set<VenueTravelTime>();
    public DbSet<PartnerCity> PartnerCities => Set<PartnerCity>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Delegate> Delegates => Set<Delegate>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Core.Accounts.MemberSignInOffer> MemberSignInOffers => Set<Core.Accounts.MemberSignInOffer>();
    public DbSet<Core.Accounts.AccountSession> AccountSessions => Set<Core.Accounts.AccountSession>();
    public DbSet<Core.Accounts.UnknownAddressFailure> UnknownAddressFailures => Set<Core.Accounts.UnknownAddressFailure>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionChoice> QuestionChoices => Set<QuestionChoice>();
    public DbSet<DelegateAnswer> DelegateAnswers => Set<DelegateAnswer>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Core.CheckIns.CheckIn> CheckIns => Set<Core.CheckIns.CheckIn>();
    public DbSet<Core.CheckIns.Scan> Scans => Set<Core.CheckIns.Scan>();
    public DbSet<Core.Accreditation.Zone> Zones => Set<Core.Accreditation.Zone>();
    public DbSet<Core.Accreditation.ZoneCheckpoint> ZoneCheckpoints => Set<Core.Accreditation.ZoneCheckpoint>();
    public DbSet<Core.Accreditation.ZoneGrant> ZoneGrants => Set<Core.Accreditation.ZoneGrant>();
    public DbSet<Core.Accreditation.DelegateZone> DelegateZones => Set<Core.Accreditation.DelegateZone>();
    public DbSet<Core.Accreditation.ZonePresence> ZonePresences => Set<Core.Accreditation.ZonePresence>();
    public DbSet<Core.Accreditation.RevokedToken> RevokedTokens => Set<Core.Accreditation.RevokedToken>();
    public DbSet<Core.Notices.NoticeTemplate> NoticeTemplates => Set<Core.Notices.NoticeTemplate>();
    public DbSet<Core.Notices.NoticeBatch> NoticeBatches => Set<Core.Notices.NoticeBatch>();
    public DbSet<Core.Notices.NoticeRecipient> NoticeRecipients => Set<Core.Notices.NoticeRecipient>();
    public DbSet<Core.CheckIns.BadgePrint> BadgePrints => Set<Core.CheckIns.BadgePrint>();
    public DbSet<Core.CheckIns.BadgeLayoutChoice> BadgeLayoutChoices => Set<Core.CheckIns.BadgeLayoutChoice>();
    public DbSet<Core.Badges.BadgeBatchJob> BadgeBatchJobs => Set<Core.Badges.BadgeBatchJob>();
    public DbSet<Core.Badges.BadgeBatchFile> BadgeBatchFiles => Set<Core.Badges.BadgeBatchFile>();
    public DbSet<Core.Logistics.Hotel> Hotels => Set<Core.Logistics.Hotel>();
    public DbSet<Core.Logistics.RoomBlock> RoomBlocks => Set<Core.Logistics.RoomBlock>();
    public DbSet<Core.Logistics.HotelRoom> HotelRooms => Set<Core.Logistics.HotelRoom>();
    public DbSet<Core.Logistics.RoomOccupant> RoomOccupants => Set<Core.Logistics.RoomOccupant>();
    public DbSet<Core.Logistics.AccommodationRequest> AccommodationRequests => Set<Core.Logistics.AccommodationRequest>();
    public DbSet<Core.Logistics.RoomingListSending> RoomingListSendings => Set<Core.Logistics.RoomingListSending>();
    public DbSet<Core.Logistics.TransportHub> TransportHubs => Set<Core.Logistics.TransportHub>();
    public DbSet<Core.Logistics.Journey> Journeys => Set<Core.Logistics.Journey>();
    public DbSet<Core.Logistics.Vehicle> Vehicles => Set<Core.Logistics.Vehicle>();
    public DbSet<Core.Logistics.PickupWave> PickupWaves => Set<Core.Logistics.PickupWave>();
    public DbSet<Core.Logistics.Transfer> Transfers => Set<Core.Logistics.Transfer>();
    public DbSet<Core.Accreditation.DelegatePhoto> DelegatePhotos => Set<Core.Accreditation.DelegatePhoto>();
    public DbSet<Core.Protocol.SeatLayout> SeatLayouts => Set<Core.Protocol.SeatLayout>();
    public DbSet<Core.Protocol.SessionSeating> SessionSeatings => Set<Core.Protocol.SessionSeating>();
    public DbSet<Core.Protocol.ReservedSeat> ReservedSeats => Set<Core.Protocol.ReservedSeat>();
    public DbSet<Core.Protocol.SeatAssignment> SeatAssignments => Set<Core.Protocol.SeatAssignment>();
    public DbSet<Core.Protocol.HostDepartment> HostDepartments => Set<Core.Protocol.HostDepartment>();
    public DbSet<Core.Protocol.Meeting> Meetings => Set<Core.Protocol.Meeting>();
    public DbSet<Core.Protocol.MeetingParticipant> MeetingParticipants => Set<Core.Protocol.MeetingParticipant>();
    public DbSet<Core.Protocol.MeetingPreference> MeetingPreferences => Set<Core.Protocol.MeetingPreference>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Core.Integrations.ApiToken> ApiTokens => Set<Core.Integrations.ApiToken>();
    public DbSet<Core.Integrations.ApiTokenUse> ApiTokenUses => Set<Core.Integrations.ApiTokenUse>();
    public DbSet<Core.Integrations.WebhookEndpoint> WebhookEndpoints => Set<Core.Integrations.WebhookEndpoint>();
    public DbSet<Core.Integrations.WebhookEvent> WebhookEvents => Set<Core.Integrations.WebhookEvent>();
    public DbSet<Core.Integrations.WebhookDelivery> WebhookDeliveries => Set<Core.Integrations.WebhookDelivery>();
    public DbSet<Core.Integrations.WebhookAttempt> WebhookAttempts => Set<Core.Integrations.WebhookAttempt>();
    public DbSet<Core.Integrations.ChangeCounter> ChangeCounters => Set<Core.Integrations.ChangeCounter>();
    public DbSet<Core.Languages.ContentTranslation> ContentTranslations => Set<Core.Languages.ContentTranslation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ForumDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefreshSearchKeys();
        var added = AddedDelegates();
        var changed = ChangedDelegates();
        var companions = PrepareCompanions();
        if (added.Count == 0 && changed.Count == 0 && companions.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        foreach (var forum in added.GroupBy(d => d.ForumId))
        {
            var count = forum.Count();
            Forums.Where(f => f.Id == forum.Key)
                .ExecuteUpdate(s => s.SetProperty(f => f.DelegateNumbersIssued, f => f.DelegateNumbersIssued + count));
            var issued = Forums.Where(f => f.Id == forum.Key).Select(f => new Issued(f.Acronym, f.DelegateNumbersIssued)).SingleOrDefault();
            GiveReferences(forum, count, issued);
        }

        if (changed.Count > 0)
        {
            ChangeCounters.Where(c => c.Name == DelegateChanges)
                .ExecuteUpdate(s => s.SetProperty(c => c.Value, c => c.Value + changed.Count));
            GiveChangeNumbers(changed, ChangeCounters.Where(c => c.Name == DelegateChanges).Select(c => c.Value).Single());
        }

        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (companions.Count > 0)
        {
            companions.ForEach(complete => complete(this));
            saved += base.SaveChanges(acceptAllChangesOnSuccess);
        }

        transaction?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefreshSearchKeys();
        var added = AddedDelegates();
        var changed = ChangedDelegates();
        var companions = PrepareCompanions();
        if (added.Count == 0 && changed.Count == 0 && companions.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var forum in added.GroupBy(d => d.ForumId))
        {
            var count = forum.Count();
            await Forums.Where(f => f.Id == forum.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.DelegateNumbersIssued, f => f.DelegateNumbersIssued + count), cancellationToken);
            var issued = await Forums.Where(f => f.Id == forum.Key).Select(f => new Issued(f.Acronym, f.DelegateNumbersIssued))
                .SingleOrDefaultAsync(cancellationToken);
            GiveReferences(forum, count, issued);
        }

        if (changed.Count > 0)
        {
            await ChangeCounters.Where(c => c.Name == DelegateChanges)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + changed.Count), cancellationToken);
            GiveChangeNumbers(changed, await ChangeCounters.Where(c => c.Name == DelegateChanges).Select(c => c.Value).SingleAsync(cancellationToken));
        }

        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (companions.Count > 0)
        {
            companions.ForEach(complete => complete(this));
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>The counter (<see cref="Core.Integrations.ChangeCounter"/>) that numbers every change to a delegate.</summary>
    public const string DelegateChanges = "delegates";

    private List<Delegate> ChangedDelegates() =>
        [.. ChangeTracker.Entries<Delegate>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)];

    /// <summary>
    /// The counter was raised by one UPDATE in the transaction that saves the changes, which holds its row (SQL Server)
    /// or the write lock (SQLite) until the end: numbers are given in commit order, so a client that has read every
    /// change up to a number will never later find a smaller one committed.
    /// </summary>
    private static void GiveChangeNumbers(List<Delegate> changed, long last)
    {
        var number = last - changed.Count;
        foreach (var record in changed)
        {
            record.ChangeSeq = ++number;
        }
    }

    /// <summary>What the registered companions (<see cref="ISaveCompanion"/>) will add once the change has its keys.</summary>
    private List<Action<ForumDbContext>> PrepareCompanions()
    {
        var services = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        if (services?.GetService(typeof(IEnumerable<ISaveCompanion>)) is not IEnumerable<ISaveCompanion> companions)
        {
            return [];
        }

        return [.. companions.Select(c => c.Prepare(this)).OfType<Action<ForumDbContext>>()];
    }

    private sealed record Issued(string Acronym, int Last);

    private List<Delegate> AddedDelegates() =>
        [.. ChangeTracker.Entries<Delegate>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>
    /// Every new delegate gets the next numbers of its forum's count. The count was raised by one UPDATE in the
    /// transaction that inserts the delegates, which holds the forum's row (SQL Server) or the database's write lock
    /// (SQLite) until it ends: two registrations saved at once wait for each other and never read the same count, and
    /// a save that fails gives its numbers back with the rollback. Numbers given before a failed save are always given
    /// again, never reused from memory. A forum that does not exist leaves the reference empty, and the insert fails on
    /// the forum's foreign key as it would have.
    /// </summary>
    private static void GiveReferences(IEnumerable<Delegate> added, int count, Issued? issued)
    {
        if (issued is null)
        {
            return;
        }

        var number = issued.Last - count;
        foreach (var record in added)
        {
            record.Reference = DelegateReference.Format(issued.Acronym, ++number);
        }
    }

    /// <summary>
    /// Registration, edits, imports and a head's member forms all save delegates through here, so the search key follows
    /// every change of a name without any of them having to remember it.
    /// </summary>
    private void RefreshSearchKeys()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<Delegate>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var record = entry.Entity;
                var key = Core.Text.NameSearch.Key(record.FamilyName, record.GivenName, record.NativeName);
                if (record.SearchKey != key)
                {
                    record.SearchKey = key;
                }
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC and must come back marked as UTC, on SQLite as on SQL Server.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
