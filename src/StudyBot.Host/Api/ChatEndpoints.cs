using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Safety;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Quizzes;
using StudyBot.Host.Admin;

namespace StudyBot.Host.Api;

public static class ChatEndpoints
{
    /// <summary>The conversation engine over HTTP, as the playground and integrations use it: every command, not only questions.</summary>
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", ChatAsync)
            .AddEndpointFilter(app.ServiceProvider.GetRequiredService<CallerRateLimitFilter>())
            .WithTags("Chat")
            .WithName("Chat")
            .WithSummary("Send a chat message (a question or a command such as status, help, reindex); admins add X-Admin-Key. "
                + "With Accept: text/event-stream the reply streams as server-sent events: working and delta ({ text }) while an answer is written, then reply (this response).")
            .Accepts<ChatRequest>("application/json")
            .Produces<ChatResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapPost("/api/feedback", FeedbackAsync)
            .WithTags("Feedback")
            .WithName("Feedback")
            .WithSummary("Record 👍/👎 for an answer returned by /api/ask or /api/chat (one vote per X-StudyBot-User and answer; a second replaces it).")
            .Accepts<FeedbackRequest>("application/json")
            .Produces<ChatResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> ChatAsync(
        HttpRequest request, ConversationEngine engine, ConversationLimiter limits, AdminAuthentication admin, IAnswerLog answers, CitationLinks links, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<ChatRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var text = body!.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > limits.MaxQuestionChars)
        {
            return JsonBody.Problem($"'text' is required and at most {limits.MaxQuestionChars} characters.");
        }

        // The playground is one person's window: its quizzes are personal.
        var history = body.ConversationId is null ? null : await answers.RecentTurnsAsync("web", body.ConversationId, HistoryQuestions, cancellationToken);
        var message = new IncomingMessage(Playground(body.ConversationId), WebCaller.UserOf(request), text, admin.IsAdmin(request.HttpContext), body.Sources, history, Personal: true);
        return request.Headers.Accept.ToString().Contains(ChatEvents.ContentType, StringComparison.OrdinalIgnoreCase)
            ? TypedResults.ServerSentEvents(ChatEvents.Of(engine.StreamAsync(message, cancellationToken), links))
            : Results.Ok(ChatResponse.From(await engine.HandleAsync(message, cancellationToken), links));
    }

    private static async Task<IResult> FeedbackAsync(HttpRequest request, ConversationEngine engine, CitationLinks links, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<FeedbackRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.AnswerId) || body.Helpful is null)
        {
            return JsonBody.Problem("'answerId' and 'helpful' are required.");
        }

        var action = new IncomingAction(Playground(null), WebCaller.UserOf(request), IncomingAction.Feedback, IncomingAction.FeedbackValue(body.AnswerId, body.Helpful.Value));
        return Results.Ok(ChatResponse.From(await engine.HandleActionAsync(action, cancellationToken), links));
    }

    /// <summary>Earlier questions of a conversation given to a follow-up (with their answers).</summary>
    internal const int HistoryQuestions = 5;

    /// <summary>A playground session (or the API caller's conversation id) is a space of its own.</summary>
    internal static ConversationAddress Playground(string? conversationId) => new("web", conversationId ?? "web");
}

/// <param name="ConversationId">Groups turns of one playground session.</param>
public sealed record ChatRequest(string Text, string? ConversationId = null, IReadOnlyList<string>? Sources = null);

/// <param name="Helpful">true for 👍, false for 👎; required.</param>
public sealed record FeedbackRequest(string AnswerId, bool? Helpful);

/// <param name="Type">answer, notice, status, quiz-question, quiz-feedback, quiz-results or leaderboard.</param>
/// <param name="ToolsCalled">Answers from a chat model: the tools it called.</param>
/// <param name="PromptVersion">Answers from a chat model: the conversation's prompt variant.</param>
/// <param name="Notice">Answers: why the answer differs from the model's, if it does. A quiz's first question: e.g. that it has fewer questions than asked for.</param>
/// <param name="Quiz">The question to show with its answer buttons (quiz-question, or quiz-feedback when the quiz moves on).</param>
public sealed record ChatResponse(
    string Type,
    string Text,
    bool? Found,
    string? AnswerId,
    IReadOnlyList<CitationDto> Citations,
    IReadOnlyList<string>? ToolsCalled = null,
    string? PromptVersion = null,
    string? Notice = null,
    QuizQuestionDto? Quiz = null)
{
    public static ChatResponse From(Reply reply, CitationLinks links) => reply.Render(new ChatResponseRenderer(links));
}

/// <param name="Question">0-based index to send back with the answer.</param>
public sealed record QuizQuestionDto(string SessionId, int Question, int Number, int Total, string Topic, string Stem, IReadOnlyList<string> Options)
{
    public static QuizQuestionDto From(QuizQuestionReply q) => new(q.SessionId, q.Number - 1, q.Number, q.Total, q.Topic, q.Stem, q.Options);
}
