using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyBot.Storage.Migrations;

/// <summary>
/// Moves quiz rows between the conversation id strings of before (Slack "C1:1712.0001", Teams
/// "19:x@thread.skype;messageid=1") and the address columns (space, thread), for the
/// ConversationAddresses migration of both providers. The only place those strings are still read.
/// </summary>
public static class ConversationAddressColumns
{
    private static readonly string[] Tables = ["quiz_sessions", "quiz_answers"];

    /// <summary>Splits the renamed "Space" column (still holding the old id) into space and thread.</summary>
    public static void Split(MigrationBuilder migration)
    {
        var find = migration.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite" ? "instr" : "strpos";
        foreach (var table in Tables)
        {
            foreach (var (channel, separator) in Separators)
            {
                var at = $"""{find}("Space", '{separator}')""";
                migration.Sql($"""
                    UPDATE {table} SET "Thread" = NULLIF(substr("Space", {at} + {separator.Length}), ''), "Space" = substr("Space", 1, {at} - 1)
                    WHERE "Channel" = '{channel}' AND {at} > 1
                    """);
            }
        }

        // A Slack key is unchanged ("slack|C1:1712.0001"); a Teams thread's key is now "teams|{space}:{thread}".
        migration.Sql("""UPDATE quiz_sessions SET "OpenIn" = 'teams|' || "Space" || ':' || "Thread" WHERE "Channel" = 'teams' AND "OpenIn" IS NOT NULL AND "Thread" IS NOT NULL""");
    }

    /// <summary>Joins space and thread back into the old conversation id, before the thread columns are dropped.</summary>
    public static void Join(MigrationBuilder migration)
    {
        foreach (var table in Tables)
        {
            foreach (var (channel, separator) in Separators)
            {
                migration.Sql($"""UPDATE {table} SET "Space" = "Space" || '{separator}' || "Thread" WHERE "Channel" = '{channel}' AND "Thread" IS NOT NULL""");
            }
        }

        migration.Sql("""UPDATE quiz_sessions SET "OpenIn" = 'teams|' || "Space" WHERE "Channel" = 'teams' AND "OpenIn" IS NOT NULL""");
    }

    private static (string Channel, string Separator)[] Separators => [("slack", ":"), ("teams", ";messageid=")];
}
