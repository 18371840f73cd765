using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using StudyBot.Knowledge.Sources.Confluence;
using StudyBot.Knowledge.Sources.Notion;

namespace StudyBot.Knowledge.Configuration;

/// <summary>Checks each source at start-up and names the offending key in the message.</summary>
public sealed partial class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        foreach (var (sourceName, source) in options.Sources)
        {
            var key = $"StudyBot:Sources:{sourceName}";
            if (!SourceName().IsMatch(sourceName))
            {
                failures.Add($"{key}: a source name may contain only letters, digits, '-' and '_'.");
            }

            switch (source.Type)
            {
                case "Files" when string.IsNullOrWhiteSpace(source.Path):
                    failures.Add($"{key}:Path is required for a Files source.");
                    break;
                case "Files":
                    break;
                case "Notion" when string.IsNullOrWhiteSpace(source.Token):
                    failures.Add($"{key}:Token is required for a Notion source (an internal integration token).");
                    break;
                case "Notion" when source.BaseUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var root) && root.Scheme is "http" or "https"):
                    failures.Add($"{key}:BaseUrl must be an absolute http(s) URL (was '{source.BaseUrl}').");
                    break;
                case "Notion" when source.PageIds.Concat(source.DataSourceIds).FirstOrDefault(id => !NotionIds.IsValid(id)) is { } id:
                    failures.Add($"{key}: '{id}' in PageIds or DataSourceIds is not a Notion id (32 hex digits, with or without dashes, or a page URL).");
                    break;
                case "Notion":
                    break;
                case "Confluence":
                    failures.AddRange(ConfluenceSettings.Validate(key, source));
                    break;
                default:
                    failures.Add($"{key}:Type must be Files, Notion or Confluence (was '{source.Type}').");
                    break;
            }

            if (source.Schedule is { Length: > 0 } schedule && !CronSchedule.IsValid(schedule))
            {
                failures.Add($"{key}:Schedule '{schedule}' is not a cron expression (5 fields, or 6 with seconds).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SourceName();
}
