using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;
using StudyBot.Host.Admin;
using StudyBot.Host.ApiKeys;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Files;

namespace StudyBot.Host.Api;

public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", async (IKnowledgeStatus status, IIndexReadiness index, IFeedbackSummary feedback, IAnswerLog answers, CancellationToken cancellationToken) =>
                Results.Ok(new StatusResponse(
                    (await index.CheckAsync(cancellationToken)).Ready,
                    await status.GetStatusAsync(cancellationToken),
                    await feedback.GetHelpfulRatesAsync(cancellationToken),
                    await answers.CountAnswersByPromptVersionAsync(cancellationToken))))
            .WithTags("Status")
            .WithName("Status")
            .WithSummary("Sources, documents, chunks, last ingestion and its errors; helpful-rate per prompt version.")
            .Produces<StatusResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    /// <summary>
    /// The original file behind a citation. Outside the API-key group: when keys are required, the
    /// link's signature (from <see cref="CitationLinks"/>) or the admin key opens it instead.
    /// </summary>
    public static IEndpointRouteBuilder MapSourceFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(CitationLinks.FileRoute, (string source, string path, string? sig, HttpContext http, SourceCatalog catalog, FileLinkSigner signer, IOptions<ApiOptions> api, AdminAuthentication admin) =>
            {
                if (api.Value.RequireKey && !signer.Verify(source, path, sig) && !admin.IsAdmin(http))
                {
                    return Results.Problem(detail: "This link is not signed by this StudyBot; open the citation from an answer.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
                }

                return catalog.Find(source) is FilesSource files && files.TryResolve(path) is { } file
                    ? Results.File(file, ContentTypes.For(file))
                    : Results.NotFound();
            })
            .WithTags("Sources")
            .WithName("SourceFile")
            .WithSummary("The original file behind a citation of a Files source (signed link when API keys are required).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="Feedback">👍 share per prompt version (all votes so far).</param>
    /// <param name="PromptVersions">Answers logged per prompt variant (the prompt experiment); empty without a chat model.</param>
    public sealed record StatusResponse(bool Ready, KnowledgeStatus Index, IReadOnlyList<HelpfulRate>? Feedback = null, IReadOnlyDictionary<string, int>? PromptVersions = null);
}
