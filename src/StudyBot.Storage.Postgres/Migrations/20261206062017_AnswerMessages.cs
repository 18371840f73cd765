using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Storage.Postgres.Migrations
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
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_answers_Channel_ConversationId_MessageId",
                table: "answers",
                columns: new[] { "Channel", "ConversationId", "MessageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_answers_Channel_ConversationId_MessageId",
                table: "answers");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "answers");
        }
    }
}
