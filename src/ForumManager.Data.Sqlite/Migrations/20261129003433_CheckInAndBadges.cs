using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CheckInAndBadges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HostEn",
                table: "Forums",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostZh",
                table: "Forums",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatoryEn",
                table: "Forums",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatoryZh",
                table: "Forums",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckInToken",
                table: "Delegates",
                type: "TEXT",
                unicode: false,
                fixedLength: true,
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Every registration already held gets its own token: 128 random bits from the database's generator.
            migrationBuilder.Sql("UPDATE Delegates SET CheckInToken = lower(hex(randomblob(16)));");

            migrationBuilder.CreateTable(
                name: "BadgeLayoutChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Layout = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeLayoutChoices", x => x.Id);
                    table.CheckConstraint("CK_BadgeLayoutChoices_Layout", "Layout BETWEEN 0 AND 2");
                    table.ForeignKey(
                        name: "FK_BadgeLayoutChoices_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BadgePrints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrintedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Layout = table.Column<int>(type: "INTEGER", nullable: false),
                    ReprintReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgePrints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BadgePrints_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_BadgePrints_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Checkpoint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    ScanId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    CheckedInUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CheckIns_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_CheckInToken",
                table: "Delegates",
                column: "CheckInToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BadgeLayoutChoices_ForumId_Category",
                table: "BadgeLayoutChoices",
                columns: new[] { "ForumId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BadgePrints_DelegateId_PrintedUtc",
                table: "BadgePrints",
                columns: new[] { "DelegateId", "PrintedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BadgePrints_ForumId",
                table: "BadgePrints",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_DelegateId_Checkpoint",
                table: "CheckIns",
                columns: new[] { "DelegateId", "Checkpoint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_ForumId_Checkpoint",
                table: "CheckIns",
                columns: new[] { "ForumId", "Checkpoint" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_ScanId",
                table: "CheckIns",
                column: "ScanId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BadgeLayoutChoices");

            migrationBuilder.DropTable(
                name: "BadgePrints");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_Delegates_CheckInToken",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "HostEn",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "HostZh",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "SignatoryEn",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "SignatoryZh",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "CheckInToken",
                table: "Delegates");
        }
    }
}
