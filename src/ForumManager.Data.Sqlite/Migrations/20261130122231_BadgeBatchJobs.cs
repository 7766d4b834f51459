using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BadgeBatchJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BadgeBatchJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateIds = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    Layout = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingGlyphs = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeBatchJobs", x => x.Id);
                    table.CheckConstraint("CK_BadgeBatchJobs_Layout", "Layout BETWEEN 0 AND 2");
                    table.ForeignKey(
                        name: "FK_BadgeBatchJobs_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BadgeBatchFiles",
                columns: table => new
                {
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeBatchFiles", x => x.BatchId);
                    table.ForeignKey(
                        name: "FK_BadgeBatchFiles_BadgeBatchJobs_BatchId",
                        column: x => x.BatchId,
                        principalTable: "BadgeBatchJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BadgeBatchJobs_CreatedUtc",
                table: "BadgeBatchJobs",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_BadgeBatchJobs_ForumId",
                table: "BadgeBatchJobs",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_BadgeBatchJobs_State_CreatedUtc",
                table: "BadgeBatchJobs",
                columns: new[] { "State", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BadgeBatchFiles");

            migrationBuilder.DropTable(
                name: "BadgeBatchJobs");
        }
    }
}
