using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class VisaLetterSignatoryNameAndTitle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "SignatoryZh",
                table: "Forums",
                newName: "SignatoryTitleZh");

            migrationBuilder.RenameColumn(
                name: "SignatoryEn",
                table: "Forums",
                newName: "SignatoryTitleEn");

            migrationBuilder.AddColumn<string>(
                name: "SignatoryNameEn",
                table: "Forums",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatoryNameZh",
                table: "Forums",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SignatoryNameEn",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "SignatoryNameZh",
                table: "Forums");

            migrationBuilder.RenameColumn(
                name: "SignatoryTitleZh",
                table: "Forums",
                newName: "SignatoryZh");

            migrationBuilder.RenameColumn(
                name: "SignatoryTitleEn",
                table: "Forums",
                newName: "SignatoryEn");
        }
    }
}
