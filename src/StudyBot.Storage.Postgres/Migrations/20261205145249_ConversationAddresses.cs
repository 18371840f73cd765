using Microsoft.EntityFrameworkCore.Migrations;
using StudyBot.Storage.Migrations;

#nullable disable

namespace StudyBot.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConversationAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ConversationId",
                table: "quiz_sessions",
                newName: "Space");

            migrationBuilder.RenameColumn(
                name: "ConversationId",
                table: "quiz_answers",
                newName: "Space");

            migrationBuilder.RenameIndex(
                name: "IX_quiz_answers_Channel_ConversationId",
                table: "quiz_answers",
                newName: "IX_quiz_answers_Channel_Space");

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "quiz_sessions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Thread",
                table: "quiz_sessions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Thread",
                table: "quiz_answers",
                type: "text",
                nullable: true);

            ConversationAddressColumns.Split(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ConversationAddressColumns.Join(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "quiz_sessions");

            migrationBuilder.DropColumn(
                name: "Thread",
                table: "quiz_sessions");

            migrationBuilder.DropColumn(
                name: "Thread",
                table: "quiz_answers");

            migrationBuilder.RenameColumn(
                name: "Space",
                table: "quiz_sessions",
                newName: "ConversationId");

            migrationBuilder.RenameColumn(
                name: "Space",
                table: "quiz_answers",
                newName: "ConversationId");

            migrationBuilder.RenameIndex(
                name: "IX_quiz_answers_Channel_Space",
                table: "quiz_answers",
                newName: "IX_quiz_answers_Channel_ConversationId");
        }
    }
}
