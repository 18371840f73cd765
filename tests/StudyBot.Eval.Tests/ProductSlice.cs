using Microsoft.Extensions.Configuration;
using StudyBot.Eval.Beir;
using StudyBot.Eval.Product;
using StudyBot.Tests;

namespace StudyBot.Eval.Tests;

/// <summary>
/// Runs the product-path evaluation once on the baseline's slice of ARAGOG: the papers as plain .txt
/// files ingested by the real host at default settings (the local embedding model included), every
/// question through POST /api/ask.
/// </summary>
public sealed class ProductSlice : IAsyncLifetime
{
    internal RetrievalBaseline Baseline { get; } = RetrievalBaseline.Load();

    internal ProductReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dataset = await BeirDataset.LoadAsync(TestPaths.Fixture("eval", "aragog", "beir"), CancellationToken.None);
        // Only built-in defaults: StudyBot__* variables of the machine running the tests must not move the figures.
        Report = await ProductEvaluator.RunAsync(dataset.Slice(Baseline.Documents), QuerySelection.All, new ConfigurationBuilder().AddInMemoryCollection().Build(), beforeVectors: false, TextWriter.Null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
