using System.Globalization;
using System.Text.RegularExpressions;
using StudyBot.Knowledge.Storage;
using StudyBot.Tests;

namespace StudyBot.Host.Tests.Readme;

/// <summary>The README's command-line section, each command run as a process on the sample knowledge base.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TempFolder _notes = new();

    [Fact]
    public async Task Ask_FirstRunOnTheSample_ComputesVectorsForAFewSecondsAndAnswers()
    {
        var result = await StudyBotProcess.RunAsync(_data.Path, ["ask", "What is QLoRA?"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Computing vectors for \d+ chunks \(cached in the data folder; at most 10 s now\)", result.Stderr);
        Assert.Contains("QLoRA (Quantized Low-Rank Adaptation)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SecondRun_ContinuesFromTheVectorsTheFirstComputed()
    {
        var first = await StudyBotProcess.RunAsync(_data.Path, ["ask", "What is HNSW?"]);
        var second = await StudyBotProcess.RunAsync(_data.Path, ["ask", "What is HNSW?"]);

        Assert.True(second.ExitCode == 0, second.ToString());
        var before = MissingVectors(first.Stderr);
        var after = MissingVectors(second.Stderr);
        Assert.True(before > 0, first.ToString());
        Assert.True(after < before, $"first run: {before} chunks without vectors, second run: {after}");
    }

    [Theory]
    [InlineData("How does reciprocal rank fusion work?", "Reciprocal rank fusion is a method for merging several ranked lists", "[1] Retrieval-Augmented Generation (RAG) · Hybrid retrieval › Reciprocal rank fusion (RRF) — knowledge/retrieval-augmented-generation.md")]
    [InlineData("What is QLoRA?", "QLoRA (Quantized Low-Rank Adaptation)", "[1] Fine-Tuning with PEFT, LoRA and QLoRA · QLoRA — knowledge/fine-tuning-lora-qlora-peft.md")]
    public async Task Ask_QuestionOnTheSample_PrintsTheAnswerWithItsSources(string question, string answer, string firstSource)
    {
        var result = await StudyBotProcess.RunAsync(_data.Path, ["ask", question]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(answer, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sources:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(firstSource, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionTheKnowledgeBaseCannotAnswer_Exits3()
    {
        var result = await StudyBotProcess.RunAsync(_data.Path, ["ask", "Who won the 1998 football world cup?"]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.DoesNotContain("Sources:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhileTheServerHoldsTheDataFolder_SaysToStopIt()
    {
        using var server = new DataFolder(_data.Path);

        var result = await StudyBotProcess.RunAsync(_data.Path, ["ask", "What is QLoRA?"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("is locked by another StudyBot process", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TwiceOnTheSampleKnowledgeBase_PrintsWhatChanged()
    {
        var first = await StudyBotProcess.RunAsync(_data.Path, ["ingest"]);
        var second = await StudyBotProcess.RunAsync(_data.Path, ["ingest"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"knowledge: 12 documents, \d+ chunks \(12 added, 0 updated, 0 unchanged, 0 removed, 0 failed", first.Stdout);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"knowledge: 12 documents, \d+ chunks \(0 added, 0 updated, 12 unchanged, 0 removed, 0 failed", second.Stdout);
    }

    [Fact]
    public async Task IngestFolder_NewFolder_IsAddedAsASourceAndAnswers()
    {
        var folder = WriteTeamNotes();

        var ingest = await StudyBotProcess.RunAsync(_data.Path, ["ingest", folder]);
        var ask = await StudyBotProcess.RunAsync(_data.Path, ["ask", "When do we deploy?"]);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains($"Added {folder} as the source 'team-notes'", ingest.Stdout, StringComparison.Ordinal);
        Assert.Contains("team-notes: 1 documents, 1 chunks (1 added", ingest.Stdout, StringComparison.Ordinal);
        Assert.True(ask.ExitCode == 0, ask.ToString());
        Assert.Contains("[1] Deploys — team-notes/deploy.md", ask.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestFolder_WithADamagedPdf_ListsItOnStdoutAndWarnsOnStderrWithoutAStackTrace()
    {
        var folder = WriteTeamNotes();
        _notes.Write("team-notes/broken.pdf", "not a pdf");

        var result = await StudyBotProcess.RunAsync(_data.Path, ["ingest", folder]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("team-notes: 1 documents, 1 chunks (1 added, 0 updated, 0 unchanged, 0 removed, 1 failed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  ! broken.pdf: not a readable PDF", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Skipped document broken.pdf of team-notes: not a readable PDF", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestFolder_FolderThatDoesNotExist_ExitsWithAClearError()
    {
        var missing = _notes.Combine("no-such-folder");

        var result = await StudyBotProcess.RunAsync(_data.Path, ["ingest", missing]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"'{missing}' is neither a folder nor a source. Sources: knowledge.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_AddedFolder_RemovesItAndItsDocuments()
    {
        var folder = WriteTeamNotes();
        await StudyBotProcess.RunAsync(_data.Path, ["ingest", folder]);

        var forget = await StudyBotProcess.RunAsync(_data.Path, ["forget", "team-notes"]);
        var ingest = await StudyBotProcess.RunAsync(_data.Path, ["ingest"]);

        Assert.True(forget.ExitCode == 0, forget.ToString());
        Assert.Contains("Forgot 'team-notes': 1 documents removed from the index.", forget.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("team-notes", ingest.Stdout, StringComparison.Ordinal);
    }

    /// <summary>"Use your own documents": the sample indexed by an earlier run, dropped once a source of one's own is configured.</summary>
    [Fact]
    public async Task Forget_SampleAfterConfiguringOwnSource_RemovesItsDocuments()
    {
        var handbook = new Dictionary<string, string>
        {
            ["StudyBot__Sources__handbook__Type"] = "Files",
            ["StudyBot__Sources__handbook__Path"] = WriteTeamNotes(),
        };
        await StudyBotProcess.RunAsync(_data.Path, ["ingest"]);

        var forget = await StudyBotProcess.RunAsync(_data.Path, ["forget", "knowledge"], handbook);
        var ask = await StudyBotProcess.RunAsync(_data.Path, ["ask", "What is QLoRA?"], handbook);

        Assert.True(forget.ExitCode == 0, forget.ToString());
        Assert.Contains("Forgot 'knowledge': 12 documents removed from the index.", forget.Stdout, StringComparison.Ordinal);
        Assert.True(ask.ExitCode == 3, ask.ToString());
    }

    [Fact]
    public async Task Forget_ConfiguredSource_IsRefused()
    {
        var result = await StudyBotProcess.RunAsync(_data.Path, ["forget", "knowledge"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'knowledge' is a configured source", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheCommandsWithoutStartingAServer()
    {
        var result = await StudyBotProcess.RunAsync(_data.Path, ["help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest <folder>", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_Exits2WithTheCommandsWithoutStartingAServer()
    {
        var result = await StudyBotProcess.RunAsync(_data.Path, ["injest"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("StudyBot: unknown command 'injest'.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("forget <source>", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    private static int MissingVectors(string stderr) =>
        Regex.Match(stderr, @"Computing vectors for (\d+) chunks") is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private string WriteTeamNotes()
    {
        _notes.Write("team-notes/deploy.md", "# Deploys\n\nWe deploy on Tuesdays with the blue-green runbook.\n");
        return _notes.Combine("team-notes");
    }

    public void Dispose()
    {
        _data.Dispose();
        _notes.Dispose();
    }
}
