using System.ClientModel;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using StudyBot.Assistant.Answering.Citations;
using StudyBot.Assistant.Models;
using StudyBot.Assistant.Prompts;
using StudyBot.Assistant.Safety;
using StudyBot.Assistant.WebSearch;
using StudyBot.Core.Conversations;
using StudyBot.Core.Models;
using StudyBot.Core.Retrieval;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Answering.Generative;

/// <summary>
/// Answers with the configured chat model, which calls knowledge_search and web_search for at
/// most StudyBot:Llm:MaxToolRounds rounds and must cite what they returned. The answer's citations
/// are verified before it is sent. A timeout, a model error, a model that never stops calling
/// tools, an answer none of whose sentences survive verification, or a question that tries to
/// instruct the bot fall back to the extractive answer with a short notice.
/// </summary>
internal sealed partial class GenerativeAnswerer(
    ChatModel model,
    ExtractiveAnswerer extractive,
    IKnowledgeSearch knowledge,
    IEnumerable<IWebSearch> webSearch,
    PromptCatalog prompts,
    PromptExperiment experiment,
    IOptions<LlmOptions> llmOptions,
    IOptions<WebSearchOptions> webOptions,
    IOptions<TelemetryOptions> telemetry,
    TimeProvider time,
    ILogger<GenerativeAnswerer> logger) : IAnswerer
{
    private readonly IWebSearch? _web = webSearch.FirstOrDefault();

    public Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken) =>
        AnswerAsync(question, static _ => { }, cancellationToken);

    /// <summary>The answer as the model writes it (each sentence shown once it passes the citation check), then the answer.</summary>
    public IAsyncEnumerable<ReplyUpdate> StreamAsync(Question question, CancellationToken cancellationToken) =>
        ReplyStreams.RunAsync(async (report, token) => await AnswerAsync(question, report, token), cancellationToken);

    private async Task<AnswerReply> AnswerAsync(Question question, Action<ReplyUpdate> report, CancellationToken cancellationToken)
    {
        var variant = experiment.VariantFor(question.ConversationId ?? Guid.NewGuid().ToString("N"));
        if (InjectionGuard.LooksLikeInjection(question.Text))
        {
            LogInjection();
            return await FallbackAsync(question, variant, [], Notices.Injection, cancellationToken);
        }

        var options = llmOptions.Value;
        var limit = TimeSpan.FromSeconds(options.AnswerDeadlineSeconds);
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var ledger = new SourceLedger();
        var called = new List<string>();
        try
        {
            var text = await RunToolRoundsAsync(question, variant, ledger, called, report, time.GetUtcNow() + limit, linked.Token);
            var verified = CitationVerifier.Verify(text, ledger.TextOf);
            if (verified.Dropped.Count > 0)
            {
                LogDropped(verified.Dropped.Count, variant);
            }

            if (verified.Text.Length == 0)
            {
                return await FallbackAsync(question, variant, called, Notices.Unverified, cancellationToken);
            }

            var (answer, citations) = AnswerComposer.Compose(verified.Text, ledger);
            return new AnswerReply(answer, citations, Found: citations.Count > 0, ToolsCalled: Distinct(called), PromptVersion: variant,
                Notice: verified.Dropped.Count > 0 ? Notices.Dropped(verified.Dropped.Count) : null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTimeout(options.AnswerDeadlineSeconds, variant);
            return await FallbackAsync(question, variant, called, Notices.Timeout(options.AnswerDeadlineSeconds), cancellationToken);
        }
        catch (ToolRoundsExhaustedException)
        {
            LogRoundsExhausted(options.MaxToolRounds, variant);
            return await FallbackAsync(question, variant, called, Notices.RoundsExhausted, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpOperationException or KernelException or ClientResultException or HttpRequestException)
        {
            LogModelFailed(ex.GetType().Name, (ex as HttpOperationException)?.StatusCode is { } status ? (int)status : null, variant);
            return await FallbackAsync(question, variant, called, Notices.ModelFailed, cancellationToken);
        }
    }

    private async Task<string> RunToolRoundsAsync(
        Question question, string variant, SourceLedger ledger, List<string> called, Action<ReplyUpdate> report, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var options = llmOptions.Value;
        var redact = options.RedactPersonalData;
        var kernel = new Kernel();
        var budget = new PromptBudget(options);
        var history = new ChatHistory(await RenderSystemPromptAsync(variant, kernel, cancellationToken));
        var tools = new AnswerTools(knowledge, _web, webOptions.Value.MaxResults, ledger, question.Sources, redact, () => budget.Remaining(history));
        var functions = tools.Functions().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var questionText = Clean(question.Text, redact);
        AddThread(history, question.History ?? [], budget, PromptBudget.Count(history[0].Content ?? "") + PromptBudget.Count(questionText), redact);
        history.AddUserMessage(questionText);
        var call = new ModelCall(model.Completion, time, deadline);
        var preview = new VerifiedPreview(ledger, report);
        for (var round = 0; ; round++)
        {
            var last = round >= options.MaxToolRounds;
            if (last && round > 0)
            {
                history.AddSystemMessage("No more tool calls are available. Answer now from the results above, with citations.");
            }

            var settings = new OpenAIPromptExecutionSettings
            {
                MaxTokens = options.AnswerTokens,
                Temperature = 0.2,
                FunctionChoiceBehavior = last ? null : FunctionChoiceBehavior.Auto(functions.Values, autoInvoke: false),
            };
            var text = new StringBuilder();
            var toolCalls = new FunctionCallContentBuilder();
            await foreach (var chunk in call.StreamAsync(history, settings, kernel, cancellationToken))
            {
                RecordUsage(chunk.Metadata);
                toolCalls.Append(chunk);
                if (chunk.Content is { Length: > 0 } piece)
                {
                    text.Append(piece);
                    preview.Append(piece);
                }
            }

            var calls = toolCalls.Build();
            if (calls.Count == 0)
            {
                preview.Finish();
                return text.ToString();
            }

            if (last)
            {
                throw new ToolRoundsExhaustedException();
            }

            preview.EndRoundWithToolCalls();
            var request = new ChatMessageContent(AuthorRole.Assistant, text.Length > 0 ? text.ToString() : null);
            foreach (var toolCall in calls)
            {
                request.Items.Add(toolCall);
            }

            history.Add(request);
            foreach (var toolCall in calls)
            {
                var result = await InvokeAsync(toolCall, functions, kernel, called, ledger, report, cancellationToken);
                history.Add(new FunctionResultContent(toolCall, result).ToChatMessage());
            }
        }
    }

    /// <summary>Runs one tool call; whatever goes wrong goes back to the model as text so it can correct itself.</summary>
    private async Task<string> InvokeAsync(
        FunctionCallContent toolCall,
        Dictionary<string, KernelFunction> functions,
        Kernel kernel,
        List<string> called,
        SourceLedger ledger,
        Action<ReplyUpdate> report,
        CancellationToken cancellationToken)
    {
        var name = toolCall.PluginName is null ? toolCall.FunctionName : $"{toolCall.PluginName}-{toolCall.FunctionName}";
        if (toolCall.PluginName is not null || !functions.TryGetValue(toolCall.FunctionName, out var function))
        {
            LogToolError(name, "unknown tool");
            return $"Error: there is no tool named '{name}'. The tools are: {string.Join(", ", functions.Keys)}.";
        }

        if (toolCall.Exception is not null)
        {
            LogToolError(name, "arguments are not valid JSON");
            return $"Error: the arguments of {name} are not valid JSON. Call it again with a JSON object such as {{\"query\": \"...\"}}.";
        }

        called.Add(name);
        report(new ReplyWorking(name == AnswerTools.WebSearchName ? WorkingText.SearchingWeb : WorkingText.SearchingKnowledge));
        using var activity = ModelTelemetry.StartToolCall(name);
        var started = time.GetTimestamp();
        try
        {
            var result = await function.InvokeAsync(kernel, toolCall.Arguments ?? [], cancellationToken);
            ModelTelemetry.RecordToolCall(name, succeeded: true, time.GetElapsedTime(started).TotalSeconds, activity);
            if (ledger.Pages > 0)
            {
                report(new ReplyWorking(WorkingText.Reading(ledger.Pages)));
            }

            return result.GetValue<object>()?.ToString() ?? "";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ModelTelemetry.RecordToolCall(name, succeeded: false, time.GetElapsedTime(started).TotalSeconds, activity);
            LogToolError(name, ex.Message);
            return $"Error: {name} failed: {ex.Message}";
        }
    }

    /// <summary>Tokens and estimated cost of one model response, as the OpenAI connector reports them (with the last chunk of a stream).</summary>
    private void RecordUsage(IReadOnlyDictionary<string, object?>? metadata)
    {
        if (metadata?.TryGetValue("Usage", out var value) == true && value is OpenAI.Chat.ChatTokenUsage usage)
        {
            var id = model.ModelId ?? "unknown";
            ModelTelemetry.RecordUsage(id, usage.InputTokenCount, usage.OutputTokenCount, telemetry.Value.PriceOf(id));
        }
    }

    private async Task<string> RenderSystemPromptAsync(string variant, Kernel kernel, CancellationToken cancellationToken)
    {
        var template = new KernelPromptTemplateFactory().Create(new PromptTemplateConfig(prompts.Get(variant)));
        return await template.RenderAsync(kernel, new KernelArguments
        {
            ["webSearch"] = _web is null
                ? "There is no web search: answer from the knowledge base only."
                : "If the knowledge base has no answer, or the question needs current public information, call `web_search`.",
            ["today"] = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken);
    }

    /// <summary>The thread's last turns that fit the history budget, fenced as context in one message.</summary>
    private static void AddThread(ChatHistory history, IReadOnlyList<ConversationTurn> turns, PromptBudget budget, int usedTokens, bool redact)
    {
        var kept = budget.FitHistory(turns, t => t.Text, usedTokens);
        if (kept.Count == 0)
        {
            return;
        }

        var lines = kept.Select(t => $"{(t.FromBot ? "StudyBot" : "Member")}: {Clean(t.Text, redact)}");
        history.AddUserMessage($"<history>\n{string.Join('\n', lines)}\n</history>\nThe question below follows up on this thread.");
    }

    private static string Clean(string text, bool redact)
    {
        var safe = InjectionGuard.Neutralise(text);
        return redact ? PersonalDataRedactor.Redact(safe) : safe;
    }

    private async Task<AnswerReply> FallbackAsync(Question question, string variant, IReadOnlyList<string> called, string notice, CancellationToken cancellationToken)
    {
        var answer = await extractive.AnswerAsync(question, cancellationToken);
        return answer with { ToolsCalled = Distinct(called), PromptVersion = variant, Notice = notice };
    }

    private static List<string> Distinct(IEnumerable<string> called) => [.. called.Distinct(StringComparer.Ordinal)];

    [LoggerMessage(LogLevel.Warning, "Question looks like a prompt injection; answered without the model")]
    private partial void LogInjection();

    [LoggerMessage(LogLevel.Warning, "Chat model missed the {DeadlineSeconds} s answer deadline (prompt {PromptVersion}); extractive fallback")]
    private partial void LogTimeout(int deadlineSeconds, string promptVersion);

    [LoggerMessage(LogLevel.Warning, "Chat model still called tools after {MaxToolRounds} rounds (prompt {PromptVersion}); extractive fallback")]
    private partial void LogRoundsExhausted(int maxToolRounds, string promptVersion);

    [LoggerMessage(LogLevel.Warning, "Chat model failed with {ErrorType} (HTTP {Status}, prompt {PromptVersion}); extractive fallback")]
    private partial void LogModelFailed(string errorType, int? status, string promptVersion);

    [LoggerMessage(LogLevel.Information, "Tool call {Tool} returned an error to the model: {Reason}")]
    private partial void LogToolError(string tool, string reason);

    [LoggerMessage(LogLevel.Information, "Citation check dropped {Count} unsupported sentence(s) (prompt {PromptVersion})")]
    private partial void LogDropped(int count, string promptVersion);

    private sealed class ToolRoundsExhaustedException : Exception;
}
