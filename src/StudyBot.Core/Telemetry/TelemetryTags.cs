namespace StudyBot.Core.Telemetry;

/// <summary>Tag names shared by spans and metrics.</summary>
public static class TelemetryTags
{
    public const string Source = "studybot.source";
    public const string Outcome = "studybot.outcome";
    public const string Channel = "studybot.channel";
    public const string Command = "studybot.command";
    public const string Found = "studybot.found";
    public const string Helpful = "studybot.helpful";
    public const string PromptVersion = "studybot.prompt_version";
    public const string Tool = "studybot.tool";
    public const string Model = "gen_ai.request.model";
    public const string TokenType = "gen_ai.token.type";
    public const string Limit = "studybot.limit";
    public const string Correct = "studybot.correct";
    public const string Origin = "studybot.origin";
    public const string Reason = "studybot.reason";
}
