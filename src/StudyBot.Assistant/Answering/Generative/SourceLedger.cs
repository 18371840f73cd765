using StudyBot.Assistant.WebSearch;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Answering.Generative;

/// <summary>
/// Everything the tools returned during one answer, under the ids the model cites: knowledge
/// chunks as "1", "2"…, web results as "W1", "W2"…. A chunk found twice keeps its first id.
/// </summary>
internal sealed class SourceLedger
{
    private readonly Dictionary<string, int> _chunkIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _webIds = new(StringComparer.Ordinal);

    public List<RetrievedChunk> Chunks { get; } = [];

    public List<WebResult> Web { get; } = [];

    /// <summary>Distinct pages returned so far: knowledge documents and web results.</summary>
    public int Pages => Chunks.Select(c => (c.Source, c.Link)).Distinct().Count() + Web.Count;

    public int Add(RetrievedChunk chunk)
    {
        if (!_chunkIds.TryGetValue(chunk.ChunkId, out var id))
        {
            Chunks.Add(chunk);
            _chunkIds[chunk.ChunkId] = id = Chunks.Count;
        }

        return id;
    }

    public int Add(WebResult result)
    {
        if (!_webIds.TryGetValue(result.Url, out var id))
        {
            Web.Add(result);
            _webIds[result.Url] = id = Web.Count;
        }

        return id;
    }

    /// <summary>The text a citation id stands for ("3" or "W1"), with its title; null when nothing was returned under that id.</summary>
    public string? TextOf(string id)
    {
        if (id.StartsWith('W'))
        {
            return int.TryParse(id.AsSpan(1), out var w) && w >= 1 && w <= Web.Count ? $"{Web[w - 1].Title} {Web[w - 1].Snippet}" : null;
        }

        return int.TryParse(id, out var n) && n >= 1 && n <= Chunks.Count
            ? $"{Chunks[n - 1].Title} {string.Join(' ', Chunks[n - 1].HeadingPath)} {Chunks[n - 1].Text}"
            : null;
    }
}
