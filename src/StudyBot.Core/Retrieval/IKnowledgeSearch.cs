namespace StudyBot.Core.Retrieval;

/// <summary>Hybrid search over the indexed knowledge; implemented by StudyBot.Knowledge.</summary>
public interface IKnowledgeSearch
{
    Task<SearchResults> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken);
}
