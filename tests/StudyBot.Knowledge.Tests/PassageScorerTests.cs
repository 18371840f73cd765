using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Retrieval;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests;

public sealed class PassageScorerTests : IDisposable
{
    private const string Embedded = "MRR is the average of one over the rank of the first relevant result.";
    private const string Waiting = "Reciprocal rank fusion merges ranked lists by one over k plus rank.";

    private readonly TempFolder _data = new();
    private readonly HashingEmbeddingGenerator _embedder = new();
    private VectorCache? _cache;

    [Fact]
    public async Task Score_EveryPassageEmbedded_ScoresEachByMeaning()
    {
        var scorer = await ScorerWithCachedAsync(Embedded, Waiting);

        var scores = await scorer.ScoreAsync("reciprocal rank fusion", [Embedded, Waiting], CancellationToken.None);

        Assert.True(scores.Similarities[1] > scores.Similarities[0]);
    }

    [Fact]
    public async Task Score_OnePassageNotEmbeddedYet_EmbedsAndCachesItSoItIsScoredByMeaningToo()
    {
        var scorer = await ScorerWithCachedAsync(Embedded);

        var scores = await scorer.ScoreAsync("reciprocal rank fusion", [Embedded, Waiting], CancellationToken.None);

        Assert.True(scores.Similarities[1] > scores.Similarities[0]);
        Assert.NotNull((await _cache!.GetAsync([Waiting], CancellationToken.None))[0]);
    }

    private async Task<PassageScorer> ScorerWithCachedAsync(params string[] texts)
    {
        var selection = new EmbedderSelection(_embedder, HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
        _cache = new VectorCache(Path.Combine(_data.Path, "embeddings.db"), selection.Id);
        await _cache.PutAsync(texts, texts.Select(t => (ReadOnlyMemory<float>)_embedder.Embed(t)).ToList(), CancellationToken.None);
        return new PassageScorer(new QueryEmbeddings(selection), new ChunkEmbedder(selection, _cache), selection);
    }

    public void Dispose() => _data.Dispose();
}
