using System.Reflection;
using Xunit.Sdk;

namespace StudyBot.Tests;

/// <summary>
/// The "Postgres" row of a theory over app-store providers (next to <c>[InlineData("Sqlite")]</c>),
/// skipped with the reason where no PostgreSQL server can be started (see <see cref="TestPostgres"/>).
/// </summary>
internal sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute() => Skip = TestPostgres.UnavailableReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["Postgres"]];
}
