using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammePeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExpectedAttendance",
                table: "Sessions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Interpretation",
                table: "Sessions",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "InterpretationLanguages",
                table: "Sessions",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Sessions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedUtc",
                table: "Sessions",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "Guests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TitleZh = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Organization = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Guests_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VenueTravelTimes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    FromVenueId = table.Column<int>(type: "int", nullable: false),
                    ToVenueId = table.Column<int>(type: "int", nullable: false),
                    Minutes = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VenueTravelTimes", x => x.Id);
                    table.CheckConstraint("CK_VenueTravelTimes_Minutes", "Minutes >= 0 AND Minutes <= 1440");
                    table.ForeignKey(
                        name: "FK_VenueTravelTimes_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VenueTravelTimes_Venues_FromVenueId",
                        column: x => x.FromVenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VenueTravelTimes_Venues_ToVenueId",
                        column: x => x.ToVenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DelegateId = table.Column<int>(type: "int", nullable: true),
                    GuestId = table.Column<int>(type: "int", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionPeople", x => x.Id);
                    table.CheckConstraint("CK_SessionPeople_OnePerson", "(DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)");
                    table.ForeignKey(
                        name: "FK_SessionPeople_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionPeople_Guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "Guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionPeople_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Guests_ForumId_NameEn",
                table: "Guests",
                columns: new[] { "ForumId", "NameEn" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionPeople_DelegateId",
                table: "SessionPeople",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPeople_GuestId",
                table: "SessionPeople",
                column: "GuestId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPeople_SessionId_Role_DelegateId_GuestId",
                table: "SessionPeople",
                columns: new[] { "SessionId", "Role", "DelegateId", "GuestId" },
                unique: true,
                filter: "[DelegateId] IS NOT NULL AND [GuestId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VenueTravelTimes_ForumId_FromVenueId_ToVenueId",
                table: "VenueTravelTimes",
                columns: new[] { "ForumId", "FromVenueId", "ToVenueId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VenueTravelTimes_FromVenueId",
                table: "VenueTravelTimes",
                column: "FromVenueId");

            migrationBuilder.CreateIndex(
                name: "IX_VenueTravelTimes_ToVenueId",
                table: "VenueTravelTimes",
                column: "ToVenueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionPeople");

            migrationBuilder.DropTable(
                name: "VenueTravelTimes");

            migrationBuilder.DropTable(
                name: "Guests");

            migrationBuilder.DropColumn(
                name: "ExpectedAttendance",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Interpretation",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "InterpretationLanguages",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "UpdatedUtc",
                table: "Sessions");
        }
    }
}
