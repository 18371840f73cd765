using System.ClientModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using StudyBot.Assistant.Models;
using StudyBot.Assistant.Prompts;
using StudyBot.Assistant.Safety;
using StudyBot.Core.Conversations;
using StudyBot.Core.Models;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Core.Telemetry;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Quizzes.Generative;

/// <summary>A model-written quiz: the prompt variant used and the questions as written (not yet validated).</summary>
internal sealed record WrittenQuiz(string PromptVersion, IReadOnlyList<QuizQuestion> Questions);

/// <summary>
/// Writes quiz questions with the configured chat model from the quiz's top passages, through
/// structured output (the JSON schema of <see cref="ModelQuiz"/>), at the learner's level, with the
/// conversation's quiz prompt variant. Invalid JSON, a model error or a missed
/// StudyBot:Llm:AnswerDeadlineSeconds (of which the model has <see cref="ShareOfDeadline"/>) give no questions (the composer fills them with rule-built
/// ones); each is logged and counted in <see cref="QuizTelemetry"/>.
/// </summary>
internal sealed partial class ModelQuizWriter(
    ChatModel model,
    PromptCatalog prompts,
    IOptions<QuizOptions> quizOptions,
    IOptions<LlmOptions> llmOptions,
    IOptions<TelemetryOptions> telemetry,
    TimeProvider time,
    ILogger<ModelQuizWriter> logger)
{
    private const int TokensPerQuestion = 250;

    /// <summary>The model's share of the answer deadline: the rest is for the rule-built questions that replace what it misses.</summary>
    private const double ShareOfDeadline = 0.8;

    private static readonly Dictionary<QuizLevel, string> Guidance = new()
    {
        [QuizLevel.Easier] = "they miss often, so ask about central definitions and facts each stated in one sentence, with wrong options that a reader of the passage rules out.",
        [QuizLevel.Standard] = "mix definitions with facts that need a careful reading of the passage.",
        [QuizLevel.Harder] = "they rarely miss, so ask about details, conditions, numbers and trade-offs, with wrong options plausible to someone who only skimmed.",
    };

    public bool IsAvailable => model.IsConfigured;

    public async Task<WrittenQuiz> WriteAsync(QuizBrief brief, CancellationToken cancellationToken)
    {
        var variant = PromptExperiment.VariantFor(brief.Taker.ConversationId, quizOptions.Value.PromptVariants);
        var passages = ChoosePassages(brief);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(llmOptions.Value.AnswerDeadlineSeconds * ShareOfDeadline), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            List<ChatMessage> messages =
            [
                new(ChatRole.System, await RenderPromptAsync(variant, brief, linked.Token)),
                new(ChatRole.User, Fenced(passages)),
            ];
            var options = new ChatOptions { Temperature = 0.3f, MaxOutputTokens = (brief.Count * TokensPerQuestion) + TokensPerQuestion };
            var response = await model.ChatClient.GetResponseAsync<ModelQuiz>(messages, options, useJsonSchemaResponseFormat: true, linked.Token);
            RecordUsage(response.Usage);
            if (!response.TryGetResult(out var quiz) || quiz?.Questions is null)
            {
                return Fallback(variant, QuizTelemetry.InvalidJson);
            }

            return new WrittenQuiz(variant, quiz.Questions.Select(q => ToQuestion(q, passages, variant, brief.Topic)).ToList());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Fallback(variant, QuizTelemetry.Timeout);
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or JsonException or InvalidOperationException or KernelException)
        {
            LogModelFailed(ex.GetType().Name, variant);
            return Fallback(variant, QuizTelemetry.ModelError);
        }
    }

    /// <summary>The model's question as a quiz question citing its passage; odd shapes are kept as they are, for the validator to reject.</summary>
    private static QuizQuestion ToQuestion(ModelQuizQuestion written, List<RetrievedChunk> passages, string variant, string topic)
    {
        var chunk = written.SourceId >= 1 && written.SourceId <= passages.Count ? passages[written.SourceId - 1] : null;
        var hash = chunk is null ? "" : ChunkContentHash.Of(chunk.Text);
        var stem = written.Stem?.Trim() ?? "";
        var options = (written.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        var correct = written.CorrectOption;
        var evidence = written.Evidence?.Trim() ?? "";
        var id = ChunkContentHash.Of($"{variant}|{chunk?.ChunkId}|{hash}|{stem}|{string.Join('|', options)}");
        if (correct >= 0 && correct < options.Count)
        {
            // Models put the answer first more often than chance; a fixed order per question does not.
            var answer = options[correct];
            options = [.. options.OrderBy(o => ChunkContentHash.Of(id + o), StringComparer.Ordinal)];
            correct = options.IndexOf(answer);
        }

        var citation = new Citation(1, chunk?.Title ?? "", chunk?.Source ?? "", chunk?.Link ?? "", chunk?.Page, chunk is null ? "" : string.Join(" › ", chunk.HeadingPath), evidence);
        var explanation = string.IsNullOrWhiteSpace(written.Explanation) ? $"The source says: “{evidence}”" : written.Explanation.Trim();
        return new QuizQuestion(id, chunk?.ChunkId ?? "", hash, chunk?.Title ?? topic, stem, options, correct, evidence, explanation, citation);
    }

    private async Task<string> RenderPromptAsync(string variant, QuizBrief brief, CancellationToken cancellationToken)
    {
        var template = new KernelPromptTemplateFactory().Create(new PromptTemplateConfig(prompts.Get(variant)));
        return await template.RenderAsync(new Kernel(), new KernelArguments
        {
            ["count"] = brief.Count.ToString(CultureInfo.InvariantCulture),
            ["topic"] = Clean(brief.Topic),
            ["level"] = brief.Level.ToString().ToLowerInvariant(),
            ["levelGuidance"] = Guidance[brief.Level],
        }, cancellationToken);
    }

    /// <summary>The quiz's chunks, best first, as many as fill half the context window (the rest is the prompt and the questions).</summary>
    private List<RetrievedChunk> ChoosePassages(QuizBrief brief)
    {
        var room = llmOptions.Value.ContextTokens / 2;
        var passages = new List<RetrievedChunk>();
        foreach (var chunk in brief.Chunks)
        {
            room -= TokenCounter.Default.Count(chunk.Text);
            if (room < 0 && passages.Count > 0)
            {
                break;
            }

            passages.Add(chunk);
        }

        return passages;
    }

    /// <summary>The passages, fenced as data under the ids the model cites, defused and redacted like an answer's tool results.</summary>
    private string Fenced(List<RetrievedChunk> passages)
    {
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var c = passages[i];
            text.Append(CultureInfo.InvariantCulture, $"<source id=\"{i + 1}\" title=\"{Attribute(c.Title)}\" section=\"{Attribute(string.Join(" › ", c.HeadingPath))}\">\n")
                .Append(Clean(c.Text)).Append("\n</source>\n");
        }

        return text.ToString();
    }

    private string Clean(string text)
    {
        var safe = InjectionGuard.Neutralise(text);
        return llmOptions.Value.RedactPersonalData ? PersonalDataRedactor.Redact(safe) : safe;
    }

    private string Attribute(string value) => Clean(value).Replace("\"", "'", StringComparison.Ordinal).Replace('\n', ' ');

    private void RecordUsage(UsageDetails? usage)
    {
        if (usage is not null)
        {
            var id = model.ModelId ?? "unknown";
            ModelTelemetry.RecordUsage(id, usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0, telemetry.Value.PriceOf(id));
        }
    }

    private WrittenQuiz Fallback(string variant, string reason)
    {
        LogFallback(reason, variant);
        QuizTelemetry.RecordModelFallback(reason, variant);
        return new WrittenQuiz(variant, []);
    }

    [LoggerMessage(LogLevel.Warning, "Model-written quiz failed ({Reason}, prompt {PromptVersion}); rule-built questions instead")]
    private partial void LogFallback(string reason, string promptVersion);

    [LoggerMessage(LogLevel.Warning, "Chat model failed with {ErrorType} while writing a quiz (prompt {PromptVersion})")]
    private partial void LogModelFailed(string errorType, string promptVersion);
}
