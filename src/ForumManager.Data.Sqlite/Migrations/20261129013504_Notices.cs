using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Notices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NoticesInBothLanguages",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NoticeBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SubjectZh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BodyZh = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AttachAgenda = table.Column<bool>(type: "INTEGER", nullable: false),
                    AttachVisaLetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    AttachQrCode = table.Column<bool>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeBatches_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeTemplates_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_NoticeBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "NoticeBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_OutboxMessages_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "OutboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeBatches_ForumId_CreatedUtc",
                table: "NoticeBatches",
                columns: new[] { "ForumId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeRecipients_BatchId_DelegateId",
                table: "NoticeRecipients",
                columns: new[] { "BatchId", "DelegateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeRecipients_BatchId_OutboxMessageId",
                table: "NoticeRecipients",
                columns: new[] { "BatchId", "OutboxMessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeRecipients_DelegateId",
                table: "NoticeRecipients",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeRecipients_OutboxMessageId",
                table: "NoticeRecipients",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeTemplates_ForumId_Kind_Language",
                table: "NoticeTemplates",
                columns: new[] { "ForumId", "Kind", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NoticeRecipients");

            migrationBuilder.DropTable(
                name: "NoticeTemplates");

            migrationBuilder.DropTable(
                name: "NoticeBatches");

            migrationBuilder.DropColumn(
                name: "NoticesInBothLanguages",
                table: "Forums");
        }
    }
}
