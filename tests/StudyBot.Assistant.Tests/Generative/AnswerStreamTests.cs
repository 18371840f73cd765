using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Tests.Fakes;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Tests.Generative;

/// <summary>The answer as a stream (IAnswerer.StreamAsync): the model's text as it is written, checked sentence by sentence.</summary>
public sealed class AnswerStreamTests : IAsyncLifetime
{
    private const string Supported = "QLoRA freezes the pretrained model in 4-bit NormalFloat quantization and trains LoRA adapters on top of it [1].";
    private const string AlsoSupported = "It makes it feasible to fine-tune a 65B-parameter model on a single 48 GB GPU [1].";
    private FakeOpenAI _model = null!;

    public async Task InitializeAsync() => _model = await FakeOpenAI.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private async Task<List<ReplyUpdate>> StreamAsync(string question)
    {
        using var bed = new GenerativeTestBed(_model.BaseUrl);
        return await bed.Answerer.StreamAsync(new Question(question, ConversationId: "C1"), CancellationToken.None).ToListAsync();
    }

    private static string Joined(IEnumerable<ReplyUpdate> updates) => string.Concat(updates.OfType<ReplyDelta>().Select(d => d.Text));

    private static AnswerReply Final(IReadOnlyList<ReplyUpdate> updates) =>
        Assert.IsType<AnswerReply>(Assert.IsType<ReplyCompleted>(updates[^1]).Reply);

    [Fact]
    public async Task Stream_ModelAnswer_ArrivesSentenceBySentenceAndTheDeltasAreTheFinalText()
    {
        _model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA"}"""));
        _model.Answer(Supported + " " + AlsoSupported);

        var updates = await StreamAsync("What is QLoRA?");

        var deltas = updates.OfType<ReplyDelta>().Select(d => d.Text).ToList();
        Assert.Equal([Supported, " " + AlsoSupported], deltas);
        Assert.Equal(Final(updates).Text, Joined(updates));
        Assert.Single(updates.OfType<ReplyCompleted>());
        Assert.IsType<ReplyCompleted>(updates[^1]);
        Assert.True(_model.Requests.All(r => r.Body["stream"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Stream_ToolCall_ReportsTheSearchAndThePagesRead()
    {
        _model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA"}"""));
        _model.Answer(Supported);

        var updates = await StreamAsync("What is QLoRA?");

        var working = updates.OfType<ReplyWorking>().Select(w => w.Status).ToList();
        Assert.Equal([WorkingText.SearchingKnowledge, WorkingText.Reading(1)], working);
        Assert.True(updates.IndexOf(updates.OfType<ReplyWorking>().Last()) < updates.IndexOf(updates.OfType<ReplyDelta>().First()));
    }

    [Fact]
    public async Task Stream_UnsupportedSentenceAmongSupportedOnes_IsNeverShownAndTheFinalTextLacksIt()
    {
        _model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA"}"""));
        _model.Answer(Supported + " QLoRA was invented by penguins on Mars in 1850 [1]. " + AlsoSupported);

        var updates = await StreamAsync("What is QLoRA?");

        Assert.DoesNotContain("penguins", Joined(updates), StringComparison.Ordinal);
        var answer = Final(updates);
        Assert.Equal(Supported + " " + AlsoSupported, answer.Text);
        Assert.Equal(answer.Text, Joined(updates));
        Assert.Equal("One sentence was removed because its cited source did not support it.", answer.Notice);
    }

    [Fact]
    public async Task Stream_CitationAfterTheFullStop_WaitsForTheMarkerAndNumbersLikeTheFinalText()
    {
        _model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA"}"""));
        _model.Answer("QLoRA freezes the pretrained model in 4-bit NormalFloat quantization and trains LoRA adapters on top of it. [1] " + AlsoSupported);

        var updates = await StreamAsync("What is QLoRA?");

        Assert.Equal(Supported + " " + AlsoSupported, Final(updates).Text);
        Assert.Equal(Final(updates).Text, Joined(updates));
    }

    [Fact]
    public async Task Stream_TextWrittenBeforeAToolCall_StopsThePreviewAndTheFinalAnswerStands()
    {
        _model.ToolCalls("Let me look that up in the knowledge base. One moment please.", ("call_1", "knowledge_search", """{"query":"QLoRA"}"""));
        _model.Answer(Supported + " " + AlsoSupported);

        var updates = await StreamAsync("What is QLoRA?");

        Assert.StartsWith("Let me look that up", Joined(updates), StringComparison.Ordinal);
        Assert.DoesNotContain("QLoRA freezes", Joined(updates), StringComparison.Ordinal);
        Assert.Equal(Supported + " " + AlsoSupported, Final(updates).Text);
    }

    [Fact]
    public async Task Stream_ModelFailsMidway_CompletesWithTheExtractiveFallback()
    {
        _model.RateLimit(retryAfterSeconds: 60);

        var updates = await StreamAsync("What is QLoRA?");

        var answer = Final(updates);
        Assert.Equal("The language model is unavailable right now, so this answer quotes the knowledge base directly.", answer.Notice);
        Assert.Empty(updates.OfType<ReplyDelta>());
    }

    [Fact]
    public async Task Stream_ExtractiveAnswerer_YieldsTheAnswerAtOnce()
    {
        var answerer = new ExtractiveAnswerer(new FixedSearch(GenerativeTestBed.QLoRA));

        var updates = await ((IAnswerer)answerer).StreamAsync(new Question("What is QLoRA?"), CancellationToken.None).ToListAsync();

        var completed = Assert.IsType<ReplyCompleted>(Assert.Single(updates));
        Assert.True(Assert.IsType<AnswerReply>(completed.Reply).Found);
    }
}
