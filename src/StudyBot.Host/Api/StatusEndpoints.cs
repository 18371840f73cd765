using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index.Embedded;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Files;

namespace StudyBot.Host.Api;

public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", async (IKnowledgeStatus status, EmbeddedChunkStore store, IFeedbackSummary feedback, CancellationToken cancellationToken) =>
                Results.Ok(new StatusResponse(store.IsLoaded, await status.GetStatusAsync(cancellationToken), await feedback.GetHelpfulRatesAsync(cancellationToken))))
            .WithName("Status")
            .WithSummary("Sources, documents, chunks, last ingestion and its errors; helpful-rate per prompt version.")
            .Produces<StatusResponse>();

        app.MapGet("/api/sources/{source}/files/{**path}", (string source, string path, SourceCatalog catalog) =>
                catalog.Find(source) is FilesSource files && files.TryResolve(path) is { } file
                    ? Results.File(file, ContentTypes.For(file))
                    : Results.NotFound())
            .WithName("SourceFile")
            .WithSummary("The original file behind a citation of a Files source.");
        return app;
    }

    /// <param name="Feedback">👍 share per prompt version (all votes so far).</param>
    public sealed record StatusResponse(bool Ready, KnowledgeStatus Index, IReadOnlyList<HelpfulRate>? Feedback = null);
}
