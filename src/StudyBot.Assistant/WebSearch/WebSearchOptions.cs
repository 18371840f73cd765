using System.ComponentModel.DataAnnotations;

namespace StudyBot.Assistant.WebSearch;

/// <summary>StudyBot:WebSearch — the search API behind the model's web_search tool. None keeps the web out of answers.</summary>
public sealed class WebSearchOptions : IValidatableObject
{
    public const string SectionName = "StudyBot:WebSearch";

    [AllowedValues("None", "Brave", "SearxNG", "Tavily", ErrorMessage = "StudyBot:WebSearch:Provider must be None, Brave, SearxNG or Tavily.")]
    public string Provider { get; set; } = "None";

    /// <summary>API root; defaults to the provider's public API (SearxNG has none: the instance's URL is required).</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    [Range(1, 20, ErrorMessage = "StudyBot:WebSearch:MaxResults must be between {1} and {2}.")]
    public int MaxResults { get; set; } = 5;

    public bool IsEnabled => Provider != "None";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is "Brave" or "Tavily" && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult($"StudyBot:WebSearch:ApiKey is required for {Provider}.", [nameof(ApiKey)]);
        }

        if (Provider == "SearxNG" && string.IsNullOrWhiteSpace(Endpoint))
        {
            yield return new ValidationResult("StudyBot:WebSearch:Endpoint (the SearxNG instance's URL) is required for SearxNG.", [nameof(Endpoint)]);
        }

        if (!string.IsNullOrWhiteSpace(Endpoint) && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("StudyBot:WebSearch:Endpoint must be an absolute URL.", [nameof(Endpoint)]);
        }
    }
}
