using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EditionDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CarriedFromForumId",
                table: "Invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_CarriedFromForumId",
                table: "Invitations",
                column: "CarriedFromForumId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ForumId_CarriedFromForumId_Email",
                table: "Invitations",
                columns: new[] { "ForumId", "CarriedFromForumId", "Email" },
                unique: true,
                filter: "CarriedFromForumId IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_Forums_CarriedFromForumId",
                table: "Invitations",
                column: "CarriedFromForumId",
                principalTable: "Forums",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_Forums_CarriedFromForumId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_CarriedFromForumId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_ForumId_CarriedFromForumId_Email",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "CarriedFromForumId",
                table: "Invitations");
        }
    }
}
