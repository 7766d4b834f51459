using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SecurityClearance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Everyone already registered starts as not yet cleared; it matters only once a forum turns clearance on.
            migrationBuilder.AddColumn<bool>(
                name: "ClearanceRequired",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Clearance",
                table: "Delegates",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "ClearanceReason",
                table: "Delegates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClearanceUtc",
                table: "Delegates",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClearanceRequired",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "Clearance",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "ClearanceReason",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "ClearanceUtc",
                table: "Delegates");
        }
    }
}
