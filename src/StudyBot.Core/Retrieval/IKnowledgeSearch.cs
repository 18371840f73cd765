namespace StudyBot.Core.Retrieval;

/// <summary>Hybrid search over the indexed knowledge; implemented by StudyBot.Knowledge.</summary>
public interface IKnowledgeSearch
{
    Task<IReadOnlyList<RetrievedChunk>> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken);

    /// <summary>How rare a term is in the index (higher = rarer), for weighting query words when extracting answers.</summary>
    double InverseDocumentFrequency(string term);
}
