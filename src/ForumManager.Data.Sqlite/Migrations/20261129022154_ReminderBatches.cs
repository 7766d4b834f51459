using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReminderBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReminderFor",
                table: "NoticeBatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeBatches_ForumId_ReminderFor",
                table: "NoticeBatches",
                columns: new[] { "ForumId", "ReminderFor" },
                unique: true,
                filter: "ReminderFor IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NoticeBatches_ForumId_ReminderFor",
                table: "NoticeBatches");

            migrationBuilder.DropColumn(
                name: "ReminderFor",
                table: "NoticeBatches");
        }
    }
}
