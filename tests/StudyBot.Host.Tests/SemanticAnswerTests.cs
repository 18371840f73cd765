using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StudyBot.Host.Tests;

/// <summary>
/// Questions asked in other words than the sample knowledge base's, through POST /api/ask at default
/// settings: the answer must carry the fact, and what the base does not hold must be declined.
/// </summary>
public sealed class SemanticAnswerTests(SampleKnowledgeHost sample) : IClassFixture<SampleKnowledgeHost>
{
    private async Task<JsonElement> AskAsync(string question, string? conversationId = null)
    {
        var response = await sample.Client.PostAsJsonAsync("/api/ask", new { question, conversationId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Text(JsonElement answer) => answer.GetProperty("answer").GetString()!;

    private static string FirstLink(JsonElement answer) => answer.GetProperty("citations")[0].GetProperty("link").GetString()!;

    [Fact]
    public async Task Ask_ProblemRestatedInOwnWords_QuotesTheSignalsToAutoscaleOn()
    {
        var answer = await AskAsync("Our GPUs look 100% busy even at low traffic; what should we autoscale on?");

        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Equal("model-serving-and-inference.md", FirstLink(answer));
        Assert.Contains("waiting requests", Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_UsualValueOfRrfK_Says60()
    {
        var answer = await AskAsync("What value of k is normally used in reciprocal rank fusion?");

        Assert.Equal("retrieval-augmented-generation.md", FirstLink(answer));
        Assert.Contains("k = 60", Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BeforeThePassagesVectorsAreComputed_StillSays60()
    {
        await sample.ForgetPassageVectorsAsync();

        var answer = await AskAsync("What value of k is normally used in reciprocal rank fusion?");

        Assert.True(answer.GetProperty("found").GetBoolean(), Text(answer));
        Assert.Equal("retrieval-augmented-generation.md", FirstLink(answer));
        Assert.Contains("k = 60", Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_TypicalLoraRank_QuotesTheRange()
    {
        var answer = await AskAsync("What rank r values are typical for LoRA?");

        Assert.Equal("fine-tuning-lora-qlora-peft.md", FirstLink(answer));
        Assert.Contains("8–64", Text(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many vacation days do new employees get?")]
    [InlineData("What is the capital of Australia?")]
    [InlineData("Can I bring my dog to the office on Fridays?")]
    public async Task Ask_OffTopicQuestion_IsDeclined(string question)
    {
        var answer = await AskAsync(question);

        Assert.False(answer.GetProperty("found").GetBoolean(), Text(answer));
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
    }

    [Theory]
    [InlineData("What is QLoRA?", "Dettmers")]
    [InlineData("What is LoRA?", "Hu et al.")]
    public async Task Ask_FollowUpInAConversation_IsReadAsAboutThatConversationsQuestion(string first, string introducedBy)
    {
        var conversation = Guid.NewGuid().ToString("N");
        await AskAsync(first, conversation);

        var answer = await AskAsync("Who introduced it?", conversation);

        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Contains(introducedBy, Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterStartUp_ShowsEveryChunkEmbeddedByTheLocalModel()
    {
        var status = await sample.Client.GetFromJsonAsync<JsonElement>("/api/status");

        var embeddings = status.GetProperty("index").GetProperty("embeddings");
        Assert.Equal("onnx:arctic-embed-xs", embeddings.GetProperty("embedder").GetString());
        Assert.Equal(status.GetProperty("index").GetProperty("chunks").GetInt32(), embeddings.GetProperty("embedded").GetInt32());
        Assert.True(embeddings.GetProperty("chunks").GetInt32() > 100);
    }
}
