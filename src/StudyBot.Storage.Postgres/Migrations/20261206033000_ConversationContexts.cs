using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConversationContexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversation_contexts",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "text", nullable: false),
                    Space = table.Column<string>(type: "text", nullable: false),
                    Thread = table.Column<string>(type: "text", nullable: false),
                    ViewedSpace = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_contexts", x => new { x.Channel, x.Space, x.Thread });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_contexts");
        }
    }
}
