using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReleasesAndEnrolment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EnrolledCount",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrolments_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enrolments_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeReleases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Changelog = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeReleases_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Sessions_Enrolled",
                table: "Sessions",
                sql: "EnrolledCount >= 0 AND (Capacity IS NULL OR EnrolledCount <= Capacity)");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_DelegateId",
                table: "Enrolments",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_SessionId_DelegateId",
                table: "Enrolments",
                columns: new[] { "SessionId", "DelegateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_SessionId_Status_CreatedUtc",
                table: "Enrolments",
                columns: new[] { "SessionId", "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeReleases_ForumId_Version",
                table: "ProgrammeReleases",
                columns: new[] { "ForumId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "ProgrammeReleases");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Sessions_Enrolled",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "EnrolledCount",
                table: "Sessions");
        }
    }
}
