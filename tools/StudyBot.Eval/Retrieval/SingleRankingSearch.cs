using Microsoft.Extensions.AI;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index.Embedded;
using StudyBot.Knowledge.Retrieval;
using StudyBot.Knowledge.Text;

namespace StudyBot.Eval.Retrieval;

/// <summary>One of the two rankings the hybrid search fuses, served alone so the evaluation can compare them.</summary>
internal sealed class SingleRankingSearch(EmbeddedChunkStore store, EmbedderSelection embedder, RetrievalMode mode) : IKnowledgeSearch
{
    public async Task<SearchResults> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        if (mode == RetrievalMode.Lexical)
        {
            return WithWeights(query, (await store.SearchLexicalAsync(query.Text, query.Top, cancellationToken)).Select(RetrievedChunks.From).ToList());
        }

        var vector = await embedder.Generator.GenerateVectorAsync(embedder.QueryText(query.Text), cancellationToken: cancellationToken);
        var results = new List<RetrievedChunk>(query.Top);
        await foreach (var result in store.SearchAsync(vector, query.Top, cancellationToken: cancellationToken))
        {
            results.Add(RetrievedChunks.From(result));
        }

        return WithWeights(query, results);
    }

    private SearchResults WithWeights(KnowledgeQuery query, List<RetrievedChunk> found) =>
        new(found, store.TermWeights(TextAnalyzer.Terms(query.Text).ToList(), found));
}
