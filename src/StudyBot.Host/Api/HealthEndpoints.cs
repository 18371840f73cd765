using StudyBot.Knowledge.Index;

namespace StudyBot.Host.Api;

public static class HealthEndpoints
{
    /// <summary>/healthz: the process runs. /readyz: the vector store is loaded (embedded) or reachable (Qdrant) and can answer.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapGet("/readyz", async (IIndexReadiness index, CancellationToken cancellationToken) =>
                await index.CheckAsync(cancellationToken) is { Ready: false } readiness
                    ? Results.Text(readiness.Detail, statusCode: StatusCodes.Status503ServiceUnavailable)
                    : Results.Text("ready"))
            .ExcludeFromDescription();
        return app;
    }
}
