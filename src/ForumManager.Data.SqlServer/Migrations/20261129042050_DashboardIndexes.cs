using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Delegates_ForumId_CountryCode",
                table: "Delegates");

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_CountryCode_Status",
                table: "Delegates",
                columns: new[] { "ForumId", "CountryCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_CreatedUtc",
                table: "Delegates",
                columns: new[] { "ForumId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_DelegationId_Status",
                table: "Delegates",
                columns: new[] { "ForumId", "DelegationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Delegates_ForumId_CountryCode_Status",
                table: "Delegates");

            migrationBuilder.DropIndex(
                name: "IX_Delegates_ForumId_CreatedUtc",
                table: "Delegates");

            migrationBuilder.DropIndex(
                name: "IX_Delegates_ForumId_DelegationId_Status",
                table: "Delegates");

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_CountryCode",
                table: "Delegates",
                columns: new[] { "ForumId", "CountryCode" });
        }
    }
}
