using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Storage.Sqlite.Migrations
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
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    Space = table.Column<string>(type: "TEXT", nullable: false),
                    Thread = table.Column<string>(type: "TEXT", nullable: false),
                    ViewedSpace = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
