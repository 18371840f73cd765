using StudyBot.Knowledge.Index.Embedded;

namespace StudyBot.Host.Api;

public static class HealthEndpoints
{
    /// <summary>/healthz: the process runs. /readyz: the index is loaded and can answer.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapGet("/readyz", (EmbeddedChunkStore store) => store.IsLoaded
                ? Results.Text("ready")
                : Results.Text("index loading", statusCode: StatusCodes.Status503ServiceUnavailable))
            .ExcludeFromDescription();
        return app;
    }
}
