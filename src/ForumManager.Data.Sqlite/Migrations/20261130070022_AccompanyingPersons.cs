using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccompanyingPersons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AccompaniesId",
                table: "Delegates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompanionRole",
                table: "Delegates",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_AccompaniesId",
                table: "Delegates",
                column: "AccompaniesId");

            migrationBuilder.AddForeignKey(
                name: "FK_Delegates_Delegates_AccompaniesId",
                table: "Delegates",
                column: "AccompaniesId",
                principalTable: "Delegates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Delegates_Delegates_AccompaniesId",
                table: "Delegates");

            migrationBuilder.DropIndex(
                name: "IX_Delegates_AccompaniesId",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "AccompaniesId",
                table: "Delegates");

            migrationBuilder.DropColumn(
                name: "CompanionRole",
                table: "Delegates");
        }
    }
}
