using Microsoft.Extensions.Configuration;
using StudyBot.Eval.Beir;
using StudyBot.Eval.Retrieval;
using StudyBot.Tests;

namespace StudyBot.Eval.Tests;

/// <summary>Runs the retrieval evaluation once on the baseline's slice of ARAGOG, read in place from the shared fixtures.</summary>
public sealed class AragogSlice : IAsyncLifetime
{
    internal RetrievalBaseline Baseline { get; } = RetrievalBaseline.Load();

    internal RetrievalReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dataset = await BeirDataset.LoadAsync(TestPaths.Fixture("eval", "aragog", "beir"), CancellationToken.None);
        // Only built-in defaults: StudyBot__* variables of the machine running the tests must not move the figures.
        Report = await RetrievalEvaluator.RunAsync(dataset.Slice(Baseline.Documents), QuerySelection.All, new ConfigurationBuilder().Build(), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
