using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Failure",
                table: "NoticeTemplates",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Failures",
                table: "NoticeTemplates",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "NoticeRecipients",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "NoticeBatches",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledUtc",
                table: "NoticeBatches",
                type: "datetime2",
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
