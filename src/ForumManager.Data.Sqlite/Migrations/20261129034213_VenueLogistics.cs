using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VenueLogistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Equipment",
                table: "Rooms",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InterpretationBooths",
                table: "Rooms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AccommodationRequests",
                columns: table => new
                {
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckIn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckOut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sharing = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ShareWithDelegateId = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccommodationRequests", x => x.DelegateId);
                    table.CheckConstraint("CK_AccommodationRequests_Nights", "CheckOut > CheckIn");
                    table.ForeignKey(
                        name: "FK_AccommodationRequests_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccommodationRequests_Delegates_ShareWithDelegateId",
                        column: x => x.ShareWithDelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Hotels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddressEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    AddressZh = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    MapUrl = table.Column<string>(type: "TEXT", unicode: false, maxLength: 500, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    ReservationsEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hotels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Hotels_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TransportHubs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransportHubs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransportHubs_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vehicles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    DriverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DriverPhone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    LiaisonName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LiaisonPhone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vehicles", x => x.Id);
                    table.CheckConstraint("CK_Vehicles_Seats", "Seats > 0 AND Seats <= 100");
                    table.ForeignKey(
                        name: "FK_Vehicles_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    HotelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FirstNight = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastNight = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rooms = table.Column<int>(type: "INTEGER", nullable: false),
                    Allocated = table.Column<int>(type: "INTEGER", nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomBlocks", x => x.Id);
                    table.CheckConstraint("CK_RoomBlocks_Allocated", "Allocated >= 0 AND Allocated <= Rooms");
                    table.CheckConstraint("CK_RoomBlocks_Nights", "LastNight >= FirstNight");
                    table.CheckConstraint("CK_RoomBlocks_Rate", "Rate >= 0");
                    table.ForeignKey(
                        name: "FK_RoomBlocks_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomingListSendings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    HotelId = table.Column<int>(type: "INTEGER", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomingListSendings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomingListSendings_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PickupWaves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    HubId = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DepartsUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PickupWaves", x => x.Id);
                    table.CheckConstraint("CK_PickupWaves_Window", "EndUtc >= StartUtc");
                    table.ForeignKey(
                        name: "FK_PickupWaves_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PickupWaves_TransportHubs_HubId",
                        column: x => x.HubId,
                        principalTable: "TransportHubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HotelRooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoomBlockId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoomNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HotelRooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HotelRooms_RoomBlocks_RoomBlockId",
                        column: x => x.RoomBlockId,
                        principalTable: "RoomBlocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    PickupWaveId = table.Column<int>(type: "INTEGER", nullable: false),
                    VehicleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                    table.CheckConstraint("CK_Transfers_Taken", "Taken >= 0 AND Taken <= Seats");
                    table.ForeignKey(
                        name: "FK_Transfers_PickupWaves_PickupWaveId",
                        column: x => x.PickupWaveId,
                        principalTable: "PickupWaves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Transfers_Vehicles_VehicleId",
                        column: x => x.VehicleId,
                        principalTable: "Vehicles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoomOccupants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    HotelRoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomOccupants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomOccupants_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomOccupants_HotelRooms_HotelRoomId",
                        column: x => x.HotelRoomId,
                        principalTable: "HotelRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Journeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    HubId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Terminal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OtherEnd = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PickupWaveId = table.Column<int>(type: "INTEGER", nullable: true),
                    TransferId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Journeys_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Journeys_PickupWaves_PickupWaveId",
                        column: x => x.PickupWaveId,
                        principalTable: "PickupWaves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Journeys_Transfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "Transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Journeys_TransportHubs_HubId",
                        column: x => x.HubId,
                        principalTable: "TransportHubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Rooms_Booths",
                table: "Rooms",
                sql: "InterpretationBooths >= 0 AND InterpretationBooths <= 20");

            migrationBuilder.CreateIndex(
                name: "IX_AccommodationRequests_ForumId_CheckIn",
                table: "AccommodationRequests",
                columns: new[] { "ForumId", "CheckIn" });

            migrationBuilder.CreateIndex(
                name: "IX_AccommodationRequests_ShareWithDelegateId",
                table: "AccommodationRequests",
                column: "ShareWithDelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_HotelRooms_ForumId_RoomBlockId",
                table: "HotelRooms",
                columns: new[] { "ForumId", "RoomBlockId" });

            migrationBuilder.CreateIndex(
                name: "IX_HotelRooms_RoomBlockId",
                table: "HotelRooms",
                column: "RoomBlockId");

            migrationBuilder.CreateIndex(
                name: "IX_Hotels_ForumId_NameEn",
                table: "Hotels",
                columns: new[] { "ForumId", "NameEn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Journeys_DelegateId_Direction",
                table: "Journeys",
                columns: new[] { "DelegateId", "Direction" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Journeys_ForumId_Direction_ScheduledUtc",
                table: "Journeys",
                columns: new[] { "ForumId", "Direction", "ScheduledUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Journeys_HubId",
                table: "Journeys",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_Journeys_PickupWaveId",
                table: "Journeys",
                column: "PickupWaveId");

            migrationBuilder.CreateIndex(
                name: "IX_Journeys_TransferId",
                table: "Journeys",
                column: "TransferId");

            migrationBuilder.CreateIndex(
                name: "IX_PickupWaves_ForumId_StartUtc",
                table: "PickupWaves",
                columns: new[] { "ForumId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PickupWaves_HubId",
                table: "PickupWaves",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomBlocks_ForumId_HotelId",
                table: "RoomBlocks",
                columns: new[] { "ForumId", "HotelId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBlocks_HotelId",
                table: "RoomBlocks",
                column: "HotelId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomingListSendings_HotelId_SentUtc",
                table: "RoomingListSendings",
                columns: new[] { "HotelId", "SentUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomOccupants_DelegateId",
                table: "RoomOccupants",
                column: "DelegateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoomOccupants_HotelRoomId",
                table: "RoomOccupants",
                column: "HotelRoomId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_PickupWaveId_VehicleId",
                table: "Transfers",
                columns: new[] { "PickupWaveId", "VehicleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_VehicleId",
                table: "Transfers",
                column: "VehicleId");

            migrationBuilder.CreateIndex(
                name: "IX_TransportHubs_ForumId_Code",
                table: "TransportHubs",
                columns: new[] { "ForumId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vehicles_ForumId_Label",
                table: "Vehicles",
                columns: new[] { "ForumId", "Label" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccommodationRequests");

            migrationBuilder.DropTable(
                name: "Journeys");

            migrationBuilder.DropTable(
                name: "RoomingListSendings");

            migrationBuilder.DropTable(
                name: "RoomOccupants");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropTable(
                name: "HotelRooms");

            migrationBuilder.DropTable(
                name: "PickupWaves");

            migrationBuilder.DropTable(
                name: "Vehicles");

            migrationBuilder.DropTable(
                name: "RoomBlocks");

            migrationBuilder.DropTable(
                name: "TransportHubs");

            migrationBuilder.DropTable(
                name: "Hotels");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Rooms_Booths",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "Equipment",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "InterpretationBooths",
                table: "Rooms");
        }
    }
}
