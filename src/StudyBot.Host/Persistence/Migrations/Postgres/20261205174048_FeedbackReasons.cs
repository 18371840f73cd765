using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Host.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FeedbackReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "feedback",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonComment",
                table: "feedback",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reason",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "ReasonComment",
                table: "feedback");
        }
    }
}
