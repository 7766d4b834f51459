using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Protocol : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SpeakingLanguage",
                table: "SessionPeople",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpeakingMinutes",
                table: "SessionPeople",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HostDepartmentId",
                table: "Guests",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LanguagePairs",
                table: "Guests",
                type: "varchar(128)",
                unicode: false,
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HostDepartments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostDepartments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HostDepartments_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReservedSeats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    Table = table.Column<int>(type: "int", nullable: false),
                    Seat = table.Column<int>(type: "int", nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReservedSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReservedSeats_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ReservedSeats_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    Table = table.Column<int>(type: "int", nullable: false),
                    Seat = table.Column<int>(type: "int", nullable: false),
                    Behind = table.Column<bool>(type: "bit", nullable: false),
                    DelegateId = table.Column<int>(type: "int", nullable: true),
                    GuestId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatAssignments", x => x.Id);
                    table.CheckConstraint("CK_SeatAssignments_OnePerson", "(DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)");
                    table.ForeignKey(
                        name: "FK_SeatAssignments_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SeatAssignments_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SeatAssignments_Guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "Guests",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SeatAssignments_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatLayouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    RoomId = table.Column<int>(type: "int", nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Shape = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Tables = table.Column<int>(type: "int", nullable: false),
                    SeatsPerTable = table.Column<int>(type: "int", nullable: false),
                    AisleAfter = table.Column<int>(type: "int", nullable: true),
                    HeadSeats = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatLayouts", x => x.Id);
                    table.CheckConstraint("CK_SeatLayouts_HeadSeats", "HeadSeats >= 0 AND HeadSeats <= 40");
                    table.CheckConstraint("CK_SeatLayouts_Seats", "SeatsPerTable >= 1 AND SeatsPerTable <= 60");
                    table.CheckConstraint("CK_SeatLayouts_Tables", "Tables >= 1 AND Tables <= 400");
                    table.ForeignKey(
                        name: "FK_SeatLayouts_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeatLayouts_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    DelegationId = table.Column<int>(type: "int", nullable: false),
                    HostDepartmentId = table.Column<int>(type: "int", nullable: true),
                    PartnerDelegationId = table.Column<int>(type: "int", nullable: true),
                    Topic = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    LanguagePair = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    DurationMinutes = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DeclineReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RoomId = table.Column<int>(type: "int", nullable: true),
                    InterpreterGuestId = table.Column<int>(type: "int", nullable: true),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Minutes = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MinutesUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.CheckConstraint("CK_Meetings_Duration", "DurationMinutes >= 15 AND DurationMinutes <= 240");
                    table.CheckConstraint("CK_Meetings_EndAfterStart", "StartUtc IS NULL OR (EndUtc IS NOT NULL AND EndUtc > StartUtc)");
                    table.CheckConstraint("CK_Meetings_NotWithItself", "PartnerDelegationId IS NULL OR PartnerDelegationId <> DelegationId");
                    table.CheckConstraint("CK_Meetings_OnePartner", "(HostDepartmentId IS NULL AND PartnerDelegationId IS NOT NULL) OR (HostDepartmentId IS NOT NULL AND PartnerDelegationId IS NULL)");
                    table.ForeignKey(
                        name: "FK_Meetings_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Meetings_Delegations_PartnerDelegationId",
                        column: x => x.PartnerDelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Meetings_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Meetings_Guests_InterpreterGuestId",
                        column: x => x.InterpreterGuestId,
                        principalTable: "Guests",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Meetings_HostDepartments_HostDepartmentId",
                        column: x => x.HostDepartmentId,
                        principalTable: "HostDepartments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Meetings_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "SessionSeatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    LayoutId = table.Column<int>(type: "int", nullable: false),
                    HostDelegateId = table.Column<int>(type: "int", nullable: true),
                    HostGuestId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionSeatings", x => x.Id);
                    table.CheckConstraint("CK_SessionSeatings_OneHost", "HostDelegateId IS NULL OR HostGuestId IS NULL");
                    table.ForeignKey(
                        name: "FK_SessionSeatings_Delegates_HostDelegateId",
                        column: x => x.HostDelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SessionSeatings_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SessionSeatings_Guests_HostGuestId",
                        column: x => x.HostGuestId,
                        principalTable: "Guests",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SessionSeatings_SeatLayouts_LayoutId",
                        column: x => x.LayoutId,
                        principalTable: "SeatLayouts",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SessionSeatings_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    DelegateId = table.Column<int>(type: "int", nullable: true),
                    GuestId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipants", x => x.Id);
                    table.CheckConstraint("CK_MeetingParticipants_OnePerson", "(DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)");
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "Guests",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingPreferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingPreferences", x => x.Id);
                    table.CheckConstraint("CK_MeetingPreferences_ToAfterFrom", "ToUtc > FromUtc");
                    table.ForeignKey(
                        name: "FK_MeetingPreferences_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_SessionPeople_SpeakingMinutes",
                table: "SessionPeople",
                sql: "SpeakingMinutes IS NULL OR (SpeakingMinutes >= 1 AND SpeakingMinutes <= 240)");

            migrationBuilder.CreateIndex(
                name: "IX_Guests_HostDepartmentId",
                table: "Guests",
                column: "HostDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_HostDepartments_ForumId_NameEn",
                table: "HostDepartments",
                columns: new[] { "ForumId", "NameEn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_DelegateId",
                table: "MeetingParticipants",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_GuestId",
                table: "MeetingParticipants",
                column: "GuestId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_MeetingId_DelegateId",
                table: "MeetingParticipants",
                columns: new[] { "MeetingId", "DelegateId" },
                unique: true,
                filter: "[DelegateId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_MeetingId_GuestId",
                table: "MeetingParticipants",
                columns: new[] { "MeetingId", "GuestId" },
                unique: true,
                filter: "[GuestId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPreferences_MeetingId",
                table: "MeetingPreferences",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_DelegationId",
                table: "Meetings",
                column: "DelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_ForumId_Status_StartUtc",
                table: "Meetings",
                columns: new[] { "ForumId", "Status", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_HostDepartmentId",
                table: "Meetings",
                column: "HostDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_InterpreterGuestId_StartUtc",
                table: "Meetings",
                columns: new[] { "InterpreterGuestId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_PartnerDelegationId",
                table: "Meetings",
                column: "PartnerDelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_RoomId_StartUtc",
                table: "Meetings",
                columns: new[] { "RoomId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReservedSeats_ForumId",
                table: "ReservedSeats",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_ReservedSeats_SessionId_Table_Seat",
                table: "ReservedSeats",
                columns: new[] { "SessionId", "Table", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_DelegateId",
                table: "SeatAssignments",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_ForumId",
                table: "SeatAssignments",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_GuestId",
                table: "SeatAssignments",
                column: "GuestId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_SessionId_DelegateId",
                table: "SeatAssignments",
                columns: new[] { "SessionId", "DelegateId" },
                unique: true,
                filter: "[DelegateId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_SessionId_GuestId",
                table: "SeatAssignments",
                columns: new[] { "SessionId", "GuestId" },
                unique: true,
                filter: "[GuestId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_SessionId_Table_Seat_Behind",
                table: "SeatAssignments",
                columns: new[] { "SessionId", "Table", "Seat", "Behind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatLayouts_ForumId",
                table: "SeatLayouts",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatLayouts_RoomId_NameEn",
                table: "SeatLayouts",
                columns: new[] { "RoomId", "NameEn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionSeatings_ForumId",
                table: "SessionSeatings",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSeatings_HostDelegateId",
                table: "SessionSeatings",
                column: "HostDelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSeatings_HostGuestId",
                table: "SessionSeatings",
                column: "HostGuestId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSeatings_LayoutId",
                table: "SessionSeatings",
                column: "LayoutId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSeatings_SessionId",
                table: "SessionSeatings",
                column: "SessionId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Guests_HostDepartments_HostDepartmentId",
                table: "Guests",
                column: "HostDepartmentId",
                principalTable: "HostDepartments",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Guests_HostDepartments_HostDepartmentId",
                table: "Guests");

            migrationBuilder.DropTable(
                name: "MeetingParticipants");

            migrationBuilder.DropTable(
                name: "MeetingPreferences");

            migrationBuilder.DropTable(
                name: "ReservedSeats");

            migrationBuilder.DropTable(
                name: "SeatAssignments");

            migrationBuilder.DropTable(
                name: "SessionSeatings");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "SeatLayouts");

            migrationBuilder.DropTable(
                name: "HostDepartments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SessionPeople_SpeakingMinutes",
                table: "SessionPeople");

            migrationBuilder.DropIndex(
                name: "IX_Guests_HostDepartmentId",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "SpeakingLanguage",
                table: "SessionPeople");

            migrationBuilder.DropColumn(
                name: "SpeakingMinutes",
                table: "SessionPeople");

            migrationBuilder.DropColumn(
                name: "HostDepartmentId",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "LanguagePairs",
                table: "Guests");
        }
    }
}
