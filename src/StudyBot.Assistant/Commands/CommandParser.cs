namespace StudyBot.Assistant.Commands;

/// <summary>Splits "status" / "ask what is x" / "what is x" into a command word and its argument; anything else is a question.</summary>
public static class CommandParser
{
    public const string DefaultCommand = "ask";

    public static (string Command, string Argument) Parse(string text, IReadOnlySet<string> commands)
    {
        var trimmed = text.Trim().TrimStart('/');
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        var first = (space < 0 ? trimmed : trimmed[..space]).ToLowerInvariant();
        return commands.Contains(first)
            ? (first, space < 0 ? "" : trimmed[(space + 1)..].Trim())
            : (DefaultCommand, text.Trim());
    }
}
