using System.Diagnostics;
using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Safety;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Host.Api;

public static class AskEndpoints
{
    public static IEndpointRouteBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync)
            .AddEndpointFilter(app.ServiceProvider.GetRequiredService<CallerRateLimitFilter>())
            .WithTags("Answers")
            .WithName("Ask")
            .WithSummary("Answer a question from the knowledge base, with numbered citations.")
            .Accepts<AskRequest>("application/json")
            .Produces<AskResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> AskAsync(
        HttpRequest request, ConversationEngine engine, ConversationLimiter limits, SourceCatalog catalog, IDocumentIndex index, IAnswerLog answers, CitationLinks links, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var (body, error) = await JsonBody.ReadAsync<AskRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var question = body!.Question?.Trim() ?? "";
        if (question.Length == 0)
        {
            return JsonBody.Problem("'question' is required and must not be empty.");
        }

        if (question.Length > limits.MaxQuestionChars)
        {
            return JsonBody.Problem($"'question' is {question.Length} characters long; the limit is {limits.MaxQuestionChars}.");
        }

        if (body.Sources is { Count: > 0 } wanted)
        {
            var known = catalog.All.Select(s => s.Name).Concat(await index.GetSourcesAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = wanted.Where(s => !known.Contains(s)).ToList();
            if (unknown.Count > 0)
            {
                return JsonBody.Problem($"Unknown source(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", known.Order())}.");
            }
        }

        // A conversation id makes follow-ups ("Who introduced it?") read as part of that conversation.
        var history = body.ConversationId is null ? null : await answers.RecentTurnsAsync("api", body.ConversationId, ChatEndpoints.HistoryQuestions, cancellationToken);
        var message = new IncomingMessage(new ConversationAddress("api", body.ConversationId ?? "api"), WebCaller.UserOf(request), question, Sources: body.Sources, History: history);
        return await engine.AskAsync(message, cancellationToken) switch
        {
            AnswerReply answer => Results.Ok(new AskResponse(
                answer.Text, answer.Found, answer.Citations.Select(c => CitationDto.From(c, links)).ToList(), stopwatch.ElapsedMilliseconds,
                answer.AnswerId, answer.ToolsCalled, answer.PromptVersion, answer.Notice)),
            NoticeReply { RetryAfter: { } wait } notice => RetryLater.StillIndexing(request.HttpContext, notice.Text, wait),
            var other => JsonBody.Problem(ChatResponse.From(other, links).Text),
        };
    }
}
