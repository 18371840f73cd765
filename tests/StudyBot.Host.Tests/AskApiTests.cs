using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>Answers, citations, status and readiness: run against both vector stores with the same tests.</summary>
public abstract class AskApiTests : RunningHostTests
{
    protected async Task<JsonElement> AskAsync(string question, params string[] sources)
    {
        var response = await Client.PostAsJsonAsync("/api/ask", new { question, sources });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Ask_WhatIsQLoRA_AnswersFromTheNoteWithACitation()
    {
        var answer = await AskAsync("What is QLoRA?");

        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Contains("QLoRA", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("[1]", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("number").GetInt32());
        Assert.Equal("fine-tuning.md", citation.GetProperty("link").GetString());
        Assert.Equal("knowledge", citation.GetProperty("source").GetString());
        Assert.Contains("QLoRA", citation.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("latencyMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task Ask_QuestionAboutTheTwoColumnPaper_CitesThePdfPage()
    {
        var answer = await AskAsync("Which model does LLaMA-13B outperform on most benchmarks?");

        var citation = answer.GetProperty("citations").EnumerateArray().First(c => c.GetProperty("link").GetString() == "papers/llama.pdf");
        Assert.Equal(1, citation.GetProperty("page").GetInt32());
        Assert.Matches(@"/files/papers/llama\.pdf\?sig=[\w-]+#page=1$", citation.GetProperty("url").GetString());
        Assert.Contains("GPT-3", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SomethingNotInTheKnowledgeBase_SaysSo()
    {
        var answer = await AskAsync("Who won the 1998 football world cup?");

        Assert.False(answer.GetProperty("found").GetBoolean());
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Ask_CitationUrl_OpensTheOriginalFile()
    {
        var answer = await AskAsync("What is HNSW?");
        var url = answer.GetProperty("citations")[0].GetProperty("url").GetString()!;

        var file = await Client.GetStringAsync(url);

        Assert.Contains("HNSW", file, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/sources/knowledge/files/..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }

    [Fact]
    public void Status_UnreadablePdfs_AreListedByNameWhileTheRestIsIndexed()
    {
        var source = StudyBotHost.Source(InitialStatus, "knowledge");
        var errors = source.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("document").GetString()!, e => e.GetProperty("error").GetString()!);

        Assert.Equal(3, source.GetProperty("documents").GetInt32());
        Assert.Equal(["papers/corrupt.pdf", "papers/scanned.pdf"], errors.Keys.Order());
        Assert.Contains("no text layer", errors["papers/scanned.pdf"], StringComparison.Ordinal);
        Assert.Equal(2, source.GetProperty("lastRun").GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task HealthReadinessAndOpenApi_AreServed()
    {
        Assert.Equal("ok", await Client.GetStringAsync("/healthz"));
        Assert.Equal("ready", await Client.GetStringAsync("/readyz"));
        var openApi = await Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/ask", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/status", openApi, StringComparison.Ordinal);
    }
}

public sealed class AskApiEmbeddedTests : AskApiTests;

public sealed class AskApiQdrantTests(FakeQdrantFixture qdrant) : AskApiTests, IClassFixture<FakeQdrantFixture>
{
    protected override Dictionary<string, string?> Settings() => qdrant.NewCollectionSettings();
}
