using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Files;

namespace StudyBot.Host.Api;

public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", async (IKnowledgeStatus status, IIndexReadiness index, CancellationToken cancellationToken) =>
                Results.Ok(new StatusResponse((await index.CheckAsync(cancellationToken)).Ready, await status.GetStatusAsync(cancellationToken))))
            .WithName("Status")
            .WithSummary("Sources, documents, chunks, last ingestion and its errors.")
            .Produces<StatusResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/api/sources/{source}/files/{**path}", (string source, string path, SourceCatalog catalog) =>
                catalog.Find(source) is FilesSource files && files.TryResolve(path) is { } file
                    ? Results.File(file, ContentTypes.For(file))
                    : Results.NotFound())
            .WithName("SourceFile")
            .WithSummary("The original file behind a citation of a Files source.");
        return app;
    }

    public sealed record StatusResponse(bool Ready, KnowledgeStatus Index);
}
