using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ForumManager.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ServerSessionsMemberOffersOneInvitation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountSessions",
                columns: table => new
                {
                    Key = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSessions", x => x.Key);
                    table.ForeignKey(
                        name: "FK_AccountSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberSignInOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ForumId = table.Column<int>(type: "int", nullable: false),
                    DelegateId = table.Column<int>(type: "int", nullable: false),
                    TokenHash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: true),
                    SentUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberSignInOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberSignInOffers_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MemberSignInOffers_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Before one open invitation per address was a rule, inviting an address twice stored two: the latest stays.
            migrationBuilder.Sql(
                "DELETE FROM Invitations WHERE AcceptedUtc IS NULL AND EXISTS (SELECT 1 FROM Invitations AS Later " +
                "WHERE Later.ForumId = Invitations.ForumId AND Later.Email = Invitations.Email AND Later.AcceptedUtc IS NULL AND Later.Id > Invitations.Id)");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ForumId_Email",
                table: "Invitations",
                columns: new[] { "ForumId", "Email" },
                unique: true,
                filter: "AcceptedUtc IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AccountSessions_ExpiresUtc",
                table: "AccountSessions",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AccountSessions_UserId",
                table: "AccountSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberSignInOffers_DelegateId",
                table: "MemberSignInOffers",
                column: "DelegateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberSignInOffers_ForumId",
                table: "MemberSignInOffers",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberSignInOffers_TokenHash",
                table: "MemberSignInOffers",
                column: "TokenHash",
                unique: true,
                filter: "TokenHash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountSessions");

            migrationBuilder.DropTable(
                name: "MemberSignInOffers");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_ForumId_Email",
                table: "Invitations");
        }
    }
}
