using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Assistant.Quizzes;
using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Assistant.Tests.Fakes;
using StudyBot.Assistant.Tests.Generative;
using StudyBot.Core.Retrieval;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Tests.Quizzes;

/// <summary>Quizzes written by a chat model (a fake OpenAI-compatible server on loopback), validated and filled with rule-built questions.</summary>
public sealed class ModelWrittenQuizTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<RetrievedChunk> Note = KnowledgeChunks.Of("vector-stores.md");
    private static readonly IReadOnlyList<RetrievedChunk> SampleBase = [.. Note, .. KnowledgeChunks.Of("fine-tuning-lora-qlora-peft.md"), .. KnowledgeChunks.Of("llm-evaluation.md")];
    private FakeOpenAI _model = null!;

    public async Task InitializeAsync() => _model = await FakeOpenAI.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Compose_WellFormedModelQuiz_AsksTheModelsQuestionsWithTheirExplanationsAndPassages()
    {
        _model.Answer(ModelQuizzes.Citing(ModelQuizzes.VectorStores));

        var quiz = await ComposeAsync(3);

        Assert.Equal(ModelQuizzes.VectorStores.Select(q => q.Stem), quiz.Questions.Select(q => q.Stem));
        Assert.Equal(ModelQuizzes.VectorStores.Select(q => q.Explanation), quiz.Questions.Select(q => q.Explanation));
        Assert.Equal(ModelQuizzes.VectorStores.Select(q => q.Options[q.Correct]), quiz.Questions.Select(q => q.CorrectText));
        Assert.All(quiz.Questions, q => Assert.Contains(Note, c => c.ChunkId == q.ChunkId && c.Text.Replace("**", "", StringComparison.Ordinal).Contains(q.Evidence, StringComparison.Ordinal)));
        Assert.Equal("quiz.v1", quiz.PromptVersion);
        var request = Assert.Single(_model.Requests);
        Assert.Equal("json_schema", request.Body["response_format"]!["type"]!.GetValue<string>());
        Assert.Contains("questions", request.Body["response_format"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Write 3 questions on \"vector stores\"", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("level is standard", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("<source id=\"1\"", request.UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_MalformedJson_FallsBackToRuleBuiltQuestionsAndCountsIt()
    {
        using var fallbacks = new QuizFallbacks();
        _model.Answer(ModelQuizzes.Malformed);

        var quiz = await ComposeAsync(3);

        Assert.Equal(3, quiz.Questions.Count);
        Assert.DoesNotContain(quiz.Questions, q => ModelQuizzes.VectorStores.Any(w => w.Stem == q.Stem));
        AssertSound(quiz);
        Assert.Equal("quiz.v1", quiz.PromptVersion);
        Assert.Equal(1, fallbacks[QuizTelemetry.InvalidJson]);
    }

    [Fact]
    public async Task Compose_ModelQuestionWhoseAnswerItsEvidenceDoesNotState_IsReplacedByARuleBuiltOne()
    {
        using var fallbacks = new QuizFallbacks();
        _model.Answer(ModelQuizzes.Citing(ModelQuizzes.VectorStores[0], ModelQuizzes.WrongAnswer, ModelQuizzes.VectorStores[1]));

        var quiz = await ComposeAsync(3);

        Assert.Equal(3, quiz.Questions.Count);
        Assert.Equal([ModelQuizzes.VectorStores[0].Stem, ModelQuizzes.VectorStores[1].Stem], quiz.Questions.Take(2).Select(q => q.Stem));
        Assert.DoesNotContain(quiz.Questions, q => q.Stem == ModelQuizzes.WrongAnswer.Stem);
        AssertSound(quiz);
        Assert.Equal(1, fallbacks[QuizTelemetry.Rejected]);
    }

    [Fact]
    public async Task Compose_ModelMissesTheAnswerDeadline_RuleBuiltQuestionsAndTheTimeoutIsCounted()
    {
        using var fallbacks = new QuizFallbacks();
        _model.Hang();

        var quiz = await ComposeAsync(2, settings: new Dictionary<string, string?> { ["StudyBot:Llm:AnswerDeadlineSeconds"] = "1" });

        Assert.Equal(2, quiz.Questions.Count);
        AssertSound(quiz);
        Assert.Equal(1, fallbacks[QuizTelemetry.Timeout]);
    }

    [Theory]
    [InlineData(QuizLevel.Harder, "level is harder: they rarely miss")]
    [InlineData(QuizLevel.Easier, "level is easier: they miss often")]
    public async Task Compose_LearnersLevel_IsTheDifficultyAskedOfTheModel(QuizLevel level, string asked)
    {
        _model.Answer(ModelQuizzes.Citing(ModelQuizzes.VectorStores));

        await ComposeAsync(3, level);

        Assert.Contains(asked, Assert.Single(_model.Requests).SystemPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_TwoPromptVariants_SplitConversationsAndEachKeepsItsVariant()
    {
        var settings = new Dictionary<string, string?> { ["StudyBot:Quiz:PromptVariants:0"] = "quiz.v1", ["StudyBot:Quiz:PromptVariants:1"] = "quiz.v2" };
        _model.Answer(ModelQuizzes.Citing(ModelQuizzes.VectorStores));
        var variants = new Dictionary<string, string?>();

        for (var i = 0; i < 8; i++)
        {
            var conversation = $"conversation-{i % 4}";
            var quiz = await ComposeAsync(3, conversation: conversation, settings: settings);
            Assert.Equal(variants.GetValueOrDefault(conversation, quiz.PromptVersion), quiz.PromptVersion);
            variants[conversation] = quiz.PromptVersion;
        }

        Assert.Equal(["quiz.v1", "quiz.v2"], variants.Values.Distinct().Order());
        Assert.Contains(_model.Requests, r => r.SystemPrompt.Contains("test understanding, not recall of wording", StringComparison.Ordinal));
    }

    private async Task<ComposedQuiz> ComposeAsync(
        int count, QuizLevel level = QuizLevel.Standard, string conversation = "conversation-1", IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var bed = new GenerativeTestBed(_model.BaseUrl, settings);
        var composer = bed.Services.GetRequiredService<QuizComposer>();
        return await composer.ComposeAsync(new QuizBrief(Note, SampleBase, "vector stores", count, level, new QuizTaker("learner-1", conversation)), CancellationToken.None);
    }

    private static void AssertSound(ComposedQuiz quiz)
    {
        var knowledge = QuizKnowledge.From(SampleBase);
        Assert.All(quiz.Questions, q => Assert.Null(QuizQuestionValidator.Problem(q, Note.Single(c => c.ChunkId == q.ChunkId).Text, knowledge)));
    }

    /// <summary>Counts studybot.quiz.model_fallbacks by reason while it lives.</summary>
    private sealed class QuizFallbacks : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _counts = new();

        public QuizFallbacks()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == StudyBotTelemetry.Meter.Name && instrument.Name == "studybot.quiz.model_fallbacks")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == TelemetryTags.Reason)
                    {
                        _counts.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
                    }
                }
            });
            _listener.Start();
        }

        public long this[string reason] => _counts.GetValueOrDefault(reason);

        public void Dispose() => _listener.Dispose();
    }
}
