using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyBot.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SourceRunResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Done",
                table: "source_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ErrorsJson",
                table: "source_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedInARow",
                table: "source_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "FailureAlerted",
                table: "source_runs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastErrorAt",
                table: "source_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastErrorDocument",
                table: "source_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastRunJson",
                table: "source_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSucceededAt",
                table: "source_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Total",
                table: "source_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Done",
                table: "source_runs");

            migrationBuilder.DropColumn(
                name: "ErrorsJson",
                table: "source_runs");

            migrationBuilder.DropColumn(
                name: "FailedInARow",
                table: "source_runs");

            migrationBuilder.DropColumn(
                name: "FailureAlerted",
                table: "source_runs");

            migrationBuilder.DropColumn(
                name: "LastErrorAt",
                table: "source_runs");

            migrationBuilder.DropColumn(
                name: "LastErrorDocument",
                table: "source_runs");

            migrationBuilder.DropColumn(
                name: "LastRunJson",
                table: "source_runs");

            migrationBuilder.DropColumn(
                name: "LastSucceededAt",
                table: "source_runs");

            migrationBuilder.DropColumn(
                name: "Total",
                table: "source_runs");
        }
    }
}
