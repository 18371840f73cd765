using System.Diagnostics;
using System.Globalization;
using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Safety;
using StudyBot.Core.Conversations;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Host.Api;

public static class AskEndpoints
{
    public static IEndpointRouteBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync)
            .WithName("Ask")
            .WithSummary("Answer a question from the knowledge base, with numbered citations.")
            .Accepts<AskRequest>("application/json")
            .Produces<AskResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<IResult> AskAsync(
        HttpRequest request, ConversationEngine engine, ConversationLimiter limits, SourceCatalog catalog, IDocumentIndex index, CitationLinks links, CancellationToken cancellationToken)
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

        var message = new IncomingMessage(new ConversationAddress("api", body.ConversationId ?? "api"), ChatEndpoints.UserOf(request), question, Sources: body.Sources);
        return await engine.AskAsync(message, cancellationToken) switch
        {
            AnswerReply answer => Results.Ok(new AskResponse(
                answer.Text, answer.Found, answer.Citations.Select(c => CitationDto.From(c, links)).ToList(), stopwatch.ElapsedMilliseconds,
                answer.AnswerId, answer.ToolsCalled, answer.PromptVersion, answer.Notice)),
            NoticeReply { RetryAfter: { } wait } notice => TooManyRequests(request, notice.Text, wait),
            var other => JsonBody.Problem(ChatResponse.From(other, links).Text),
        };
    }

    private static IResult TooManyRequests(HttpRequest request, string text, TimeSpan wait)
    {
        request.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(detail: text, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }
}
