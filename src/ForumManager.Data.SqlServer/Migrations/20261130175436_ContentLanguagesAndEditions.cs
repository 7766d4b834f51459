using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ContentLanguagesAndEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ClonedFromId",
                table: "Forums",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FurtherLanguages",
                table: "Forums",
                type: "varchar(100)",
                unicode: false,
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ContentTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    Field = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    ItemId = table.Column<int>(type: "int", nullable: false),
                    Language = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    SourceHash = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentTranslations_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Forums_ClonedFromId",
                table: "Forums",
                column: "ClonedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentTranslations_ForumId_Language_Field_ItemId",
                table: "ContentTranslations",
                columns: new[] { "ForumId", "Language", "Field", "ItemId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Forums_Forums_ClonedFromId",
                table: "Forums",
                column: "ClonedFromId",
                principalTable: "Forums",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Forums_Forums_ClonedFromId",
                table: "Forums");

            migrationBuilder.DropTable(
                name: "ContentTranslations");

            migrationBuilder.DropIndex(
                name: "IX_Forums_ClonedFromId",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "ClonedFromId",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "FurtherLanguages",
                table: "Forums");
        }
    }
}
