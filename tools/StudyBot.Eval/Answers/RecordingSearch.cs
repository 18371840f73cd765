using StudyBot.Core.Retrieval;

namespace StudyBot.Eval.Answers;

/// <summary>Passes searches through and keeps the chunks of the last one, so the judge sees what an answer cited.</summary>
internal sealed class RecordingSearch(IKnowledgeSearch inner) : IKnowledgeSearch
{
    public IReadOnlyList<RetrievedChunk> Last { get; private set; } = [];

    public async Task<SearchResults> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var found = await inner.SearchAsync(query, cancellationToken);
        Last = found;
        return found;
    }
}
