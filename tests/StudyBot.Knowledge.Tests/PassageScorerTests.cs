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

    [Fact]
    public async Task Score_EveryPassageEmbedded_ScoresEachByMeaning()
    {
        var scorer = await ScorerWithCachedAsync(Embedded, Waiting);

        var scores = await scorer.ScoreAsync("reciprocal rank fusion", [Embedded, Waiting], CancellationToken.None);

        Assert.All(scores.Similarities, s => Assert.NotNull(s));
        Assert.True(scores.Similarities[1] > scores.Similarities[0]);
    }

    [Fact]
    public async Task Score_OnePassageNotEmbeddedYet_ScoresNoneSoWordsJudgeThemAlike()
    {
        var scorer = await ScorerWithCachedAsync(Embedded);

        var scores = await scorer.ScoreAsync("reciprocal rank fusion", [Embedded, Waiting], CancellationToken.None);

        Assert.All(scores.Similarities, s => Assert.Null(s));
    }

    private async Task<PassageScorer> ScorerWithCachedAsync(params string[] texts)
    {
        var selection = new EmbedderSelection(_embedder, HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
        var cache = new VectorCache(Path.Combine(_data.Path, "embeddings.db"), selection.Id);
        await cache.PutAsync(texts, texts.Select(t => (ReadOnlyMemory<float>)_embedder.Embed(t)).ToList(), CancellationToken.None);
        return new PassageScorer(new QueryEmbeddings(selection), cache, selection);
    }

    public void Dispose() => _data.Dispose();
}
