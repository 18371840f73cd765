using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Quizzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quiz_answers",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                    ChosenOption = table.Column<int>(type: "INTEGER", nullable: false),
                    Correct = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quiz_answers", x => new { x.SessionId, x.QuestionIndex, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "quiz_learner_items",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", nullable: false),
                    Box = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TimesCorrect = table.Column<int>(type: "INTEGER", nullable: false),
                    TimesWrong = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quiz_learner_items", x => new { x.UserId, x.QuestionId });
                });

            migrationBuilder.CreateTable(
                name: "quiz_questions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ChunkId = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", nullable: false),
                    Stem = table.Column<string>(type: "TEXT", nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectOption = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    CitationJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quiz_questions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quiz_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                    OpenIn = table.Column<string>(type: "TEXT", nullable: true),
                    Personal = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Current = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    IdleDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quiz_sessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quiz_answers_Channel_ConversationId",
                table: "quiz_answers",
                columns: new[] { "Channel", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_quiz_questions_ChunkId",
                table: "quiz_questions",
                column: "ChunkId");

            migrationBuilder.CreateIndex(
                name: "IX_quiz_sessions_OpenIn",
                table: "quiz_sessions",
                column: "OpenIn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quiz_sessions_State_IdleDeadline",
                table: "quiz_sessions",
                columns: new[] { "State", "IdleDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_quiz_sessions_State_QuestionDeadline",
                table: "quiz_sessions",
                columns: new[] { "State", "QuestionDeadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quiz_answers");

            migrationBuilder.DropTable(
                name: "quiz_learner_items");

            migrationBuilder.DropTable(
                name: "quiz_questions");

            migrationBuilder.DropTable(
                name: "quiz_sessions");
        }
    }
}
