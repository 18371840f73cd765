using System.ComponentModel;
using System.Text;
using Microsoft.SemanticKernel;
using StudyBot.Assistant.Safety;
using StudyBot.Assistant.WebSearch;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Answering.Generative;

/// <summary>
/// The tools of one answer, as Semantic Kernel functions. Results are fenced in &lt;source&gt; and
/// &lt;web&gt; elements with the ids the model cites, defused by <see cref="InjectionGuard"/>,
/// redacted when configured, and cut to the room left in the prompt.
/// </summary>
internal sealed class AnswerTools(
    IKnowledgeSearch knowledge,
    IWebSearch? web,
    int webResults,
    SourceLedger ledger,
    IReadOnlyCollection<string>? allowedSources,
    bool redact,
    Func<int> remainingTokens)
{
    public const string KnowledgeSearch = "knowledge_search";
    public const string WebSearchName = "web_search";
    private const int MaxTop = 8;

    public IReadOnlyList<KernelFunction> Functions()
    {
        List<KernelFunction> functions = [KernelFunctionFactory.CreateFromMethod(SearchKnowledgeAsync, KnowledgeSearch)];
        if (web is not null)
        {
            functions.Add(KernelFunctionFactory.CreateFromMethod(SearchWebAsync, WebSearchName));
        }

        return functions;
    }

    [Description("Search the team's knowledge base (documentation, notes, papers). Returns passages, each in a <source id=\"n\"> element; cite a passage as [n].")]
    private async Task<string> SearchKnowledgeAsync(
        [Description("What to look for, in a few key words or a short question.")] string query,
        [Description("Optional: search only this source, by name.")] string? source = null,
        [Description("How many passages to return, 1 to 8.")] int top = 5,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "Error: 'query' must not be empty.";
        }

        IReadOnlyCollection<string>? sources = allowedSources;
        if (!string.IsNullOrWhiteSpace(source))
        {
            if (allowedSources is { Count: > 0 } && !allowedSources.Contains(source, StringComparer.OrdinalIgnoreCase))
            {
                return $"Error: source '{source}' is not searched in this conversation; the sources are {string.Join(", ", allowedSources)}.";
            }

            sources = [source];
        }

        var chunks = await knowledge.SearchAsync(new KnowledgeQuery(query, Math.Clamp(top, 1, MaxTop), sources), cancellationToken);
        if (chunks.Count == 0)
        {
            return "No passages found.";
        }

        return Fit(chunks.Select(c =>
            $"<source id=\"{ledger.Add(c)}\" title=\"{Attribute(c.Title)}\" source=\"{Attribute(c.Source)}\" section=\"{Attribute(string.Join(" › ", c.HeadingPath))}\">\n{Clean(c.Text)}\n</source>"));
    }

    [Description("Search the public web. Returns results, each in a <web id=\"Wn\"> element; cite a result as [Wn]. Use it only when the knowledge base has no answer or the question is about current events.")]
    private async Task<string> SearchWebAsync(
        [Description("The web search query.")] string query,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "Error: 'query' must not be empty.";
        }

        var results = await web!.SearchAsync(redact ? PersonalDataRedactor.Redact(query) : query, webResults, cancellationToken);
        if (results.Count == 0)
        {
            return "No web results found.";
        }

        return Fit(results.Select(r =>
            $"<web id=\"W{ledger.Add(r)}\" title=\"{Attribute(r.Title)}\" url=\"{Attribute(r.Url)}\">\n{Clean(r.Snippet)}\n</web>"));
    }

    /// <summary>Joins results until the prompt has no room for more; the last one that fits may be cut.</summary>
    private string Fit(IEnumerable<string> results)
    {
        // Kept free so the model still has room to ask for nothing more and answer.
        const int Reserve = 64;
        var room = remainingTokens() - Reserve;
        var text = new StringBuilder();
        foreach (var result in results)
        {
            var size = PromptBudget.Count(result);
            if (size > room)
            {
                if (room > 100)
                {
                    text.Append(PromptBudget.Truncate(result, room)).Append("…\n");
                }

                break;
            }

            text.Append(result).Append('\n');
            room -= size;
        }

        return text.Length > 0 ? text.ToString() : "Error: the prompt has no room for more results; answer with what you have.";
    }

    private string Clean(string text)
    {
        var safe = InjectionGuard.Neutralise(text);
        return redact ? PersonalDataRedactor.Redact(safe) : safe;
    }

    private string Attribute(string value) => Clean(value).Replace("\"", "'", StringComparison.Ordinal).Replace('\n', ' ');
}
