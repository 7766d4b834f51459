using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AccessZones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scans_ForumId",
                table: "Scans");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Scans",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RevokedTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    DelegateId = table.Column<int>(type: "int", nullable: false),
                    Token = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevokedTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevokedTokens_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_RevokedTokens_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Zones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "varchar(2)", unicode: false, maxLength: 2, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RoomId = table.Column<int>(type: "int", nullable: true),
                    Capacity = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Zones", x => x.Id);
                    table.CheckConstraint("CK_Zones_Capacity", "Capacity IS NULL OR Capacity >= 0");
                    table.ForeignKey(
                        name: "FK_Zones_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Zones_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "DelegateZones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    DelegateId = table.Column<int>(type: "int", nullable: false),
                    ZoneId = table.Column<int>(type: "int", nullable: false),
                    Granted = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateZones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateZones_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DelegateZones_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DelegateZones_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ZoneCheckpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    ZoneId = table.Column<int>(type: "int", nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Direction = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZoneCheckpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ZoneCheckpoints_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ZoneCheckpoints_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ZoneGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    ZoneId = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: true),
                    From = table.Column<TimeOnly>(type: "time", nullable: true),
                    Until = table.Column<TimeOnly>(type: "time", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZoneGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ZoneGrants_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ZoneGrants_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ZonePresences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    DelegateId = table.Column<int>(type: "int", nullable: false),
                    ZoneId = table.Column<int>(type: "int", nullable: false),
                    Inside = table.Column<bool>(type: "bit", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZonePresences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ZonePresences_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ZonePresences_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ZonePresences_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_ForumId_Result",
                table: "Scans",
                columns: new[] { "ForumId", "Result" });

            migrationBuilder.CreateIndex(
                name: "IX_DelegateZones_DelegateId_ZoneId",
                table: "DelegateZones",
                columns: new[] { "DelegateId", "ZoneId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DelegateZones_ForumId",
                table: "DelegateZones",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegateZones_ZoneId",
                table: "DelegateZones",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_RevokedTokens_DelegateId",
                table: "RevokedTokens",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_RevokedTokens_ForumId_Token",
                table: "RevokedTokens",
                columns: new[] { "ForumId", "Token" });

            migrationBuilder.CreateIndex(
                name: "IX_ZoneCheckpoints_ForumId",
                table: "ZoneCheckpoints",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_ZoneCheckpoints_ZoneId",
                table: "ZoneCheckpoints",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ZoneGrants_ForumId_Category",
                table: "ZoneGrants",
                columns: new[] { "ForumId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_ZoneGrants_ZoneId",
                table: "ZoneGrants",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ZonePresences_DelegateId_ZoneId",
                table: "ZonePresences",
                columns: new[] { "DelegateId", "ZoneId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ZonePresences_ForumId",
                table: "ZonePresences",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_ZonePresences_ZoneId_Inside",
                table: "ZonePresences",
                columns: new[] { "ZoneId", "Inside" });

            migrationBuilder.CreateIndex(
                name: "IX_Zones_ForumId_Code",
                table: "Zones",
                columns: new[] { "ForumId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Zones_RoomId",
                table: "Zones",
                column: "RoomId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DelegateZones");

            migrationBuilder.DropTable(
                name: "RevokedTokens");

            migrationBuilder.DropTable(
                name: "ZoneCheckpoints");

            migrationBuilder.DropTable(
                name: "ZoneGrants");

            migrationBuilder.DropTable(
                name: "ZonePresences");

            migrationBuilder.DropTable(
                name: "Zones");

            migrationBuilder.DropIndex(
                name: "IX_Scans_ForumId_Result",
                table: "Scans");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Scans");

            migrationBuilder.CreateIndex(
                name: "IX_Scans_ForumId",
                table: "Scans",
                column: "ForumId");
        }
    }
}
