using System.Diagnostics;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Commands;
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
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> AskAsync(
        HttpRequest request, IAnswerer answerer, SourceCatalog catalog, IDocumentIndex index, CancellationToken cancellationToken)
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

        if (question.Length > AskCommand.MaxQuestionLength)
        {
            return JsonBody.Problem($"'question' is {question.Length} characters long; the limit is {AskCommand.MaxQuestionLength}.");
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

        var answer = await answerer.AnswerAsync(new Question(question, body.Sources, ConversationId: body.ConversationId), cancellationToken);
        return Results.Ok(new AskResponse(
            answer.Text, answer.Found, answer.Citations.Select(CitationDto.From).ToList(), stopwatch.ElapsedMilliseconds,
            answer.ToolsCalled, answer.PromptVersion, answer.Notice));
    }
}
