using System.Diagnostics;
using StudyBot.Eval.Beir;
using StudyBot.Tests;

namespace StudyBot.Eval.Tests;

public sealed class EvalCommandLineTests
{
    [Fact]
    public void Parse_RetrievalWithOptions_ReadsThemAll()
    {
        var line = EvalCommandLine.Parse(
            ["retrieval", "--dataset", "data/beir", "--queries", "even", "--documents", "a.pdf, b.pdf", "--misses", "--set", "StudyBot:Index:ChunkTokens=200"], out var error);

        Assert.Null(error);
        Assert.NotNull(line);
        Assert.Equal(("retrieval", "data/beir", QuerySelection.Even, true), (line.Command, line.Dataset, line.Queries, line.Misses));
        Assert.Equal(["a.pdf", "b.pdf"], line.Documents);
        Assert.Equal("200", line.BuildConfiguration()["StudyBot:Index:ChunkTokens"]);
    }

    /// <summary>The README's retrieval command with a slice named as a user might type it (ids are case-sensitive).</summary>
    [Fact]
    public async Task Run_DocumentNotInTheCorpus_Exits2ListingTheCorpus()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "StudyBot.Eval.dll"),
            "retrieval", "--dataset", "../shared/fixtures/eval/aragog/beir", "--queries", "even", "--documents", "DistilBERT.pdf"])
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}\n{await stdout}\n{stderr}");
        Assert.Contains("--documents: not in the corpus: DistilBERT.pdf. Its documents: DetectGPT.pdf,", stderr, StringComparison.Ordinal);
        Assert.Contains("distilbert.pdf", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProductBeforeVectors_AsksWithoutWaitingForTheEmbedding()
    {
        var line = EvalCommandLine.Parse(["product", "--dataset", "data/beir", "--before-vectors"], out _);

        Assert.True(line?.BeforeVectors);
        Assert.False(EvalCommandLine.Parse(["product", "--dataset", "data/beir"], out _)?.BeforeVectors);
    }

    [Theory]
    [InlineData(new string[0], "no command")]
    [InlineData(new[] { "score" }, "unknown command")]
    [InlineData(new[] { "retrieval" }, "--dataset is required")]
    [InlineData(new[] { "retrieval", "--dataset", "x", "--queries", "some" }, "'--queries'")]
    [InlineData(new[] { "answers", "--dataset" }, "'--dataset'")]
    [InlineData(new[] { "quizzes", "--dataset", "knowledge" }, "--host is required")]
    [InlineData(new[] { "quizzes", "--dataset", "knowledge", "--host", "localhost:5160" }, "'--host'")]
    public void Parse_BadArguments_NamesTheProblem(string[] args, string expected)
    {
        Assert.Null(EvalCommandLine.Parse(args, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
