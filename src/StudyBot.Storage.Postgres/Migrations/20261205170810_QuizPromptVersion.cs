using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QuizPromptVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PromptVersion",
                table: "quiz_sessions",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PromptVersion",
                table: "quiz_sessions");
        }
    }
}
