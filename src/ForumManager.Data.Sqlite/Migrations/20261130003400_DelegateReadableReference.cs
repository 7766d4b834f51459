using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DelegateReadableReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DelegateNumbersIssued",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Delegates",
                type: "TEXT",
                unicode: false,
                maxLength: 48,
                nullable: false,
                defaultValue: "");

            // Delegates saved before references existed get the number their visa letter already carries (their id), so a
            // letter sent and a reference shown agree; each forum's count continues after the largest.
            migrationBuilder.Sql(
                "UPDATE Delegates SET Reference = (SELECT UPPER(TRIM(Forums.Acronym)) FROM Forums WHERE Forums.Id = Delegates.ForumId) || '-' || printf('%05d', Id)");
            migrationBuilder.Sql(
                "UPDATE Forums SET DelegateNumbersIssued = COALESCE((SELECT MAX(Delegates.Id) FROM Delegates WHERE Delegates.ForumId = Forums.Id), 0)");

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_Reference",
                table: "Delegates",
                columns: new[] { "ForumId", "Reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Delegates_ForumId_Reference",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "DelegateNumbersIssued",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Delegates");
        }
    }
}
