using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Capacity",
                table: "Forums",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditClosesUtc",
                table: "Forums",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OpenRegistration",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PlacesTaken",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegistrationClosesUtc",
                table: "Forums",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RetentionDays",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityNeeds",
                table: "Delegates",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentUtc",
                table: "Delegates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateOfBirthProtected",
                table: "Delegates",
                type: "TEXT",
                unicode: false,
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DietaryNeeds",
                table: "Delegates",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Delegates",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InterpretationLanguage",
                table: "Delegates",
                type: "TEXT",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nationality",
                table: "Delegates",
                type: "TEXT",
                unicode: false,
                fixedLength: true,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsVisaLetter",
                table: "Delegates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PassportExpiry",
                table: "Delegates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassportNumberProtected",
                table: "Delegates",
                type: "TEXT",
                unicode: false,
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassportPlaceOfIssue",
                table: "Delegates",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Delegates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Forums_PlacesTaken",
                table: "Forums",
                sql: "PlacesTaken >= 0 AND (Capacity IS NULL OR PlacesTaken <= Capacity)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Forums_RetentionDays",
                table: "Forums",
                sql: "RetentionDays >= 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Forums_PlacesTaken",
                table: "Forums");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Forums_RetentionDays",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "Capacity",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "EditClosesUtc",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "OpenRegistration",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "PlacesTaken",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "RegistrationClosesUtc",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "RetentionDays",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "AccessibilityNeeds",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "ConsentUtc",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "DateOfBirthProtected",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "DietaryNeeds",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "InterpretationLanguage",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "Nationality",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "NeedsVisaLetter",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "PassportExpiry",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "PassportNumberProtected",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "PassportPlaceOfIssue",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "Delegates");
        }
    }
}
