using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using StudyBot.Assistant.Tests.Fakes;

namespace StudyBot.Host.Tests;

/// <summary>The real host with a chat model configured: a fake OpenAI-compatible server on loopback.</summary>
public sealed class GenerativeAnswerApiTests : IAsyncLifetime
{
    private const string Supported = "QLoRA freezes the pretrained model in 4-bit NormalFloat quantization and trains LoRA adapters [1].";
    private ChatModelHost _env = null!;

    public async Task InitializeAsync() => _env = await ChatModelHost.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Ask_WithAChatModel_ReturnsTheModelsCitedAnswerTheToolsItCalledAndThePromptVersion()
    {
        _env.Model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA 4-bit NormalFloat LoRA adapters"}"""));
        _env.Model.Answer(Supported);

        var response = await _env.Client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" });
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(Supported, answer.GetProperty("answer").GetString());
        Assert.Equal("fine-tuning.md", answer.GetProperty("citations")[0].GetProperty("link").GetString());
        Assert.Equal(["knowledge_search"], answer.GetProperty("toolsCalled").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("answer.v1", answer.GetProperty("promptVersion").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("notice").ValueKind);
        // The tool ran the real hybrid search over the ingested corpus.
        var result = _env.Model.Requests[1].ToolMessages.Single()["content"]!.GetValue<string>();
        Assert.Contains("source=\"knowledge\"", result, StringComparison.Ordinal);
        Assert.Contains("NormalFloat", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_AnswersFromTheModel_AreCountedPerPromptVersionInStatus()
    {
        _env.Model.Answer("The knowledge base does not cover that.");

        for (var i = 0; i < 2; i++)
        {
            var reply = await (await _env.Client.PostAsJsonAsync("/api/chat", new { text = "What is the office wifi password?", conversationId = "playground-1" }))
                .Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("answer.v1", reply.GetProperty("promptVersion").GetString());
        }

        var status = await _env.Client.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal(2, status.GetProperty("promptVersions").GetProperty("answer.v1").GetInt32());
    }

    [Fact]
    public async Task Chat_AcceptingEventStream_StreamsStatusAndVerifiedDeltasThenTheReply()
    {
        const string Second = "The paper shows that QLoRA makes it feasible to fine-tune a 65B-parameter model on a single 48 GB GPU [1].";
        _env.Model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA 4-bit NormalFloat LoRA adapters"}"""));
        _env.Model.Answer(Supported + " Penguins invented QLoRA on Mars in 1850 [1]. " + Second);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { text = "What is QLoRA?" }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await _env.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<(string Type, JsonElement Data)>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add((item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone()));
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["working", "working", "delta", "delta", "reply"], events.Select(e => e.Type));
        Assert.Equal("Searching the knowledge base…", events[0].Data.GetProperty("text").GetString());
        var streamed = string.Concat(events.Where(e => e.Type == "delta").Select(e => e.Data.GetProperty("text").GetString()));
        var reply = events[^1].Data;
        Assert.Equal("answer", reply.GetProperty("type").GetString());
        Assert.Equal(Supported + " " + Second, reply.GetProperty("text").GetString());
        Assert.Equal(reply.GetProperty("text").GetString(), streamed);
        Assert.DoesNotContain("Penguins", streamed, StringComparison.Ordinal);
        Assert.StartsWith("One sentence was removed", reply.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(reply.GetProperty("answerId").GetString()));
    }
}
