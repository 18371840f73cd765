using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Tests.Fakes;
using StudyBot.Assistant.Tests.Generative;

namespace StudyBot.Assistant.Tests.WebSearch;

public sealed class WebSearchToolTests : IAsyncLifetime
{
    private const string WebAnswer = "QLoRA can finetune a 65B parameter model on a single 48GB GPU [W1].";
    private FakeOpenAI _model = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeOpenAI.StartAsync();
        _model.ToolCalls(("call_w", "web_search", """{"query":"QLoRA paper 4-bit NormalFloat"}"""));
    }

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private async Task<(StudyBot.Core.Conversations.AnswerReply Answer, string ToolResult)> AskAsync(Dictionary<string, string?> settings)
    {
        using var bed = new GenerativeTestBed(_model.BaseUrl, settings);
        var answer = await bed.Answerer.AnswerAsync(new Question("What does the QLoRA paper claim?"), CancellationToken.None);
        return (answer, _model.Requests[1].ToolMessages.Single()["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task WebSearch_Brave_SendsTheKeyAndCitesTheResultAsAWebSource()
    {
        _model.Answer(WebAnswer);
        await using var brave = await FakeSearchApi.StartAsync(200, FakeOpenAI.Fixture("brave", "web-search.qlora.json"));

        var (answer, toolResult) = await AskAsync(new() { ["StudyBot:WebSearch:Provider"] = "Brave", ["StudyBot:WebSearch:Endpoint"] = brave.BaseUrl + "/res/v1/web/search", ["StudyBot:WebSearch:ApiKey"] = "brave-key" });

        var request = Assert.Single(brave.Requests);
        Assert.Equal("/res/v1/web/search", request.Path);
        Assert.Equal("QLoRA paper 4-bit NormalFloat", request.Query["q"]);
        Assert.Equal("brave-key", request.Headers["X-Subscription-Token"]);
        Assert.Contains(["knowledge_search", "web_search"], _model.Requests.Select(r => r.ToolNames.ToList()));
        Assert.StartsWith("<web id=\"W1\" title=\"[2305.14314] QLoRA: Efficient Finetuning of Quantized LLMs\" url=\"https://arxiv.org/abs/2305.14314\">", toolResult, StringComparison.Ordinal);
        Assert.Contains("4-bit NormalFloat (NF4)", toolResult, StringComparison.Ordinal);
        Assert.Equal("QLoRA can finetune a 65B parameter model on a single 48GB GPU [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(("web", "https://arxiv.org/abs/2305.14314"), (citation.Source, citation.Link));
        Assert.Equal(["web_search"], answer.ToolsCalled);
    }

    [Fact]
    public async Task WebSearch_SearxNG_AsksForJsonAndReturnsItsResults()
    {
        _model.Answer(WebAnswer);
        await using var searx = await FakeSearchApi.StartAsync(200, FakeOpenAI.Fixture("searxng", "search.qlora.json"));

        var (answer, toolResult) = await AskAsync(new() { ["StudyBot:WebSearch:Provider"] = "SearxNG", ["StudyBot:WebSearch:Endpoint"] = searx.BaseUrl });

        var request = Assert.Single(searx.Requests);
        Assert.Equal("/search", request.Path);
        Assert.Equal("json", request.Query["format"]);
        Assert.Contains("<web id=\"W2\" title=\"Making LLMs even more accessible with bitsandbytes, 4-bit quantization and QLoRA\" url=\"https://huggingface.co/blog/4bit-transformers-bitsandbytes\">", toolResult, StringComparison.Ordinal);
        Assert.Equal("https://arxiv.org/abs/2305.14314", Assert.Single(answer.Citations).Link);
    }

    [Fact]
    public async Task WebSearch_Tavily_PostsTheQueryWithABearerKey()
    {
        _model.Answer(WebAnswer);
        await using var tavily = await FakeSearchApi.StartAsync(200, FakeOpenAI.Fixture("tavily", "search.qlora.json"));

        var (answer, toolResult) = await AskAsync(new() { ["StudyBot:WebSearch:Provider"] = "Tavily", ["StudyBot:WebSearch:Endpoint"] = tavily.BaseUrl + "/search", ["StudyBot:WebSearch:ApiKey"] = "tvly-key" });

        var request = Assert.Single(tavily.Requests);
        Assert.Equal(("POST", "/search", "Bearer tvly-key"), (request.Method, request.Path, request.Headers["Authorization"]));
        Assert.Equal("""{"query":"QLoRA paper 4-bit NormalFloat","max_results":5,"search_depth":"basic"}""", request.Body);
        Assert.StartsWith("<web id=\"W1\" title=\"QLoRA: Efficient Finetuning of Quantized LLMs - arXiv\"", toolResult, StringComparison.Ordinal);
        Assert.Equal("https://arxiv.org/abs/2305.14314", Assert.Single(answer.Citations).Link);
    }

    [Fact]
    public async Task WebSearch_ApiAnswers500_TheErrorGoesBackToTheModelAsText()
    {
        _model.Answer("The web search failed, and the knowledge base does not say.");
        await using var brave = await FakeSearchApi.StartAsync(500, "");

        var (answer, toolResult) = await AskAsync(new() { ["StudyBot:WebSearch:Provider"] = "Brave", ["StudyBot:WebSearch:Endpoint"] = brave.BaseUrl + "/res/v1/web/search", ["StudyBot:WebSearch:ApiKey"] = "brave-key" });

        Assert.StartsWith("Error: web_search failed: Brave search failed: GET", toolResult, StringComparison.Ordinal);
        Assert.Contains("answered 500", toolResult, StringComparison.Ordinal);
        Assert.DoesNotContain("brave-key", toolResult, StringComparison.Ordinal);
        Assert.Equal("The web search failed, and the knowledge base does not say.", answer.Text);
        Assert.False(answer.Found);
    }
}
