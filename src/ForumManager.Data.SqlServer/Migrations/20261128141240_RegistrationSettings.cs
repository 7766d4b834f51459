using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditClosesUtc",
                table: "Forums",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OpenRegistration",
                table: "Forums",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PlacesTaken",
                table: "Forums",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegistrationClosesUtc",
                table: "Forums",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RetentionDays",
                table: "Forums",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityNeeds",
                table: "Delegates",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentUtc",
                table: "Delegates",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateOfBirthProtected",
                table: "Delegates",
                type: "varchar(1000)",
                unicode: false,
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DietaryNeeds",
                table: "Delegates",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Delegates",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InterpretationLanguage",
                table: "Delegates",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nationality",
                table: "Delegates",
                type: "char(2)",
                unicode: false,
                fixedLength: true,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsVisaLetter",
                table: "Delegates",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PassportExpiry",
                table: "Delegates",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassportNumberProtected",
                table: "Delegates",
                type: "varchar(1000)",
                unicode: false,
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassportPlaceOfIssue",
                table: "Delegates",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Delegates",
                type: "nvarchar(1000)",
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
