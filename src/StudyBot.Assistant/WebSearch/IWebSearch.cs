namespace StudyBot.Assistant.WebSearch;

/// <summary>A web search API: Brave, SearxNG or Tavily.</summary>
public interface IWebSearch
{
    Task<IReadOnlyList<WebResult>> SearchAsync(string query, int count, CancellationToken cancellationToken);
}

/// <summary>One web hit; <see cref="Snippet"/> is plain text.</summary>
public sealed record WebResult(string Title, string Url, string Snippet);
