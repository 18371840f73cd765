using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnswerMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MessageId",
                table: "answers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_answers_Channel_ConversationId_CreatedAt",
                table: "answers",
                columns: new[] { "Channel", "ConversationId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_answers_Channel_ConversationId_CreatedAt",
                table: "answers");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "answers");
        }
    }
}
