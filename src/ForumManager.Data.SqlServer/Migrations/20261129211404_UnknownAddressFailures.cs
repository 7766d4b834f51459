using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class UnknownAddressFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UnknownAddressFailures",
                columns: table => new
                {
                    AddressHash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    LastFailureUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnknownAddressFailures", x => x.AddressHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnknownAddressFailures_LastFailureUtc",
                table: "UnknownAddressFailures",
                column: "LastFailureUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnknownAddressFailures");
        }
    }
}
