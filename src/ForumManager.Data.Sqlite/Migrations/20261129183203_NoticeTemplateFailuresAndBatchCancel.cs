using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NoticeTemplateFailuresAndBatchCancel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FailedUtc",
                table: "NoticeTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Failure",
                table: "NoticeTemplates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Failures",
                table: "NoticeTemplates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "NoticeRecipients",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "NoticeBatches",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledUtc",
                table: "NoticeBatches",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedUtc",
                table: "NoticeTemplates");

            migrationBuilder.DropColumn(
                name: "Failure",
                table: "NoticeTemplates");

            migrationBuilder.DropColumn(
                name: "Failures",
                table: "NoticeTemplates");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "NoticeRecipients");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "NoticeBatches");

            migrationBuilder.DropColumn(
                name: "CancelledUtc",
                table: "NoticeBatches");
        }
    }
}
