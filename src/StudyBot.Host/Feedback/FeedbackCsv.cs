using System.Globalization;
using System.Text;
using StudyBot.Storage.Feedback;

namespace StudyBot.Host.Feedback;

/// <summary>
/// The feedback export as RFC 4180 CSV: a header row, fields with commas, quotes or line breaks
/// quoted (quotes doubled), and user text that a spreadsheet would run as a formula (=, +, -, @)
/// prefixed with an apostrophe.
/// </summary>
public static class FeedbackCsv
{
    private static readonly string[] Header =
        ["voted_at", "helpful", "channel", "user_id", "prompt_version", "question", "answer", "found", "citations", "answer_id", "answered_at"];

    public static string Write(IEnumerable<FeedbackRecord> records)
    {
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var r in records)
        {
            Row(csv, [
                Time(r.VotedAt), r.Helpful ? "true" : "false", r.Channel, r.UserId, r.PromptVersion ?? "", r.Question, r.Answer,
                r.Found ? "true" : "false", Citations(r.Citations), r.AnswerId, Time(r.AnsweredAt)]);
        }

        return csv.ToString();
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) => csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");

    private static string Citations(IEnumerable<FeedbackCitation> citations) => string.Join("; ", citations.Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"[{c.Number}] {c.Title} ({c.Url ?? c.Source + "/" + c.Link}{(c.Page is { } p ? $", page {p}" : "")})")));

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
