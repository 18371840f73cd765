using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Assistant.Quizzes;

namespace StudyBot.Host.Api;

public static class QuizEndpoints
{
    /// <summary>Quiz buttons over HTTP, as the playground uses them; quizzes start with /api/chat ("quiz [topic] [n]").</summary>
    public static IEndpointRouteBuilder MapQuizEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/quiz/answer", AnswerAsync)
            .WithTags("Quizzes")
            .WithName("QuizAnswer")
            .WithSummary("Answer the open question of a quiz started with /api/chat; returns feedback and, in a personal quiz, the next question.")
            .Accepts<QuizAnswerRequest>("application/json")
            .Produces<ChatResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapPost("/api/quiz/on-answer", QuizOnAnswerAsync)
            .WithTags("Quizzes")
            .WithName("QuizOnAnswer")
            .WithSummary("\"Quiz me on this\": a personal quiz on the sources of an answer returned by /api/ask or /api/chat.")
            .Accepts<QuizOnAnswerRequest>("application/json")
            .Produces<ChatResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> AnswerAsync(HttpRequest request, ConversationEngine engine, CitationLinks links, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<QuizAnswerRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.SessionId) || body.Question is not >= 0 || body.Option is not (>= 0 and < QuizQuestion.OptionCount))
        {
            return JsonBody.Problem($"'sessionId', 'question' (0 or more) and 'option' (0 to {QuizQuestion.OptionCount - 1}) are required.");
        }

        var action = new IncomingAction(
            ChatEndpoints.Playground(body.ConversationId), WebCaller.UserOf(request), QuizAction.Answer, QuizAction.Value(body.SessionId, body.Question.Value, body.Option.Value));
        return Results.Ok(ChatResponse.From(await engine.HandleActionAsync(action, cancellationToken), links));
    }

    private static async Task<IResult> QuizOnAnswerAsync(HttpRequest request, ConversationEngine engine, CitationLinks links, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<QuizOnAnswerRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.AnswerId))
        {
            return JsonBody.Problem("'answerId' is required.");
        }

        var action = new IncomingAction(ChatEndpoints.Playground(body.ConversationId), WebCaller.UserOf(request), QuizAction.QuizMeOnAnswer, body.AnswerId);
        return Results.Ok(ChatResponse.From(await engine.HandleActionAsync(action, cancellationToken), links));
    }
}

/// <param name="Question">The question's 0-based index, as /api/chat returned it in quiz.question.</param>
/// <param name="Option">0 to 3.</param>
public sealed record QuizAnswerRequest(string SessionId, int? Question, int? Option, string? ConversationId = null);

public sealed record QuizOnAnswerRequest(string AnswerId, string? ConversationId = null);
