using StudyBot.Core.Admin;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;
using StudyBot.Host.Api;
using StudyBot.Host.ApiKeys;
using StudyBot.Storage;
using StudyBot.Storage.ApiKeys;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Host.Admin;

public static class AdminEndpoints
{
    /// <summary>/api/admin/*: source status, re-indexing and API keys, behind the admin key.</summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").AddEndpointFilter<AdminKeyFilter>().WithTags("Admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        admin.MapGet("/sources", ListSourcesAsync).WithName("AdminSources")
            .WithSummary("Every source: state, schedule, last run, duration, documents, chunks, last error, progress.");
        admin.MapPost("/sources/{name}/reindex", ReindexOneAsync).WithName("AdminReindexSource")
            .WithSummary("Queue a re-index of one source (not queued twice while one runs).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/reindex", ReindexAllAsync).WithName("AdminReindexAll").WithSummary("Queue a re-index of every source.");
        admin.MapGet("/keys", ListKeysAsync).WithName("AdminListApiKeys").WithSummary("API keys with their limits and usage (never the secret).");
        admin.MapPost("/keys", CreateKeyAsync).WithName("AdminCreateApiKey").WithSummary("Issue an API key; the secret is in this response only.")
            .Accepts<CreateApiKeyRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapDelete("/keys/{id}", RevokeKeyAsync).WithName("AdminRevokeApiKey").WithSummary("Revoke an API key at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListSourcesAsync(IKnowledgeStatus status, CancellationToken cancellationToken)
    {
        var sources = (await status.GetStatusAsync(cancellationToken)).Sources.Select(s => new AdminSourceDto(
            s.Name, s.Type, s.Configured, s.Schedule, s.State, s.LastStarted, s.LastFinished, s.LastRun?.DurationSeconds, s.Documents, s.Chunks,
            s.State == SourceRunState.Failed ? s.LastError?.Error : null,
            s.State == SourceRunState.Running ? new ProgressDto(s.ProgressDone, s.ProgressTotal, s.EstimatedSecondsLeft) : null,
            s.LastRun, s.Errors)).ToList();
        return Results.Ok(sources);
    }

    private static async Task<IResult> ReindexOneAsync(string name, SourceCatalog catalog, IReindexService reindex, CancellationToken cancellationToken)
    {
        if (catalog.Find(name) is null)
        {
            return Results.Problem(detail: $"No source named '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return Accepted(await reindex.RequestAsync(name, notify: null, cancellationToken));
    }

    private static async Task<IResult> ReindexAllAsync(IReindexService reindex, CancellationToken cancellationToken) =>
        Accepted(await reindex.RequestAsync(null, notify: null, cancellationToken));

    private static IResult Accepted(IReadOnlyList<ReindexOutcome> outcomes) => Results.Accepted(value: new ReindexResponse(outcomes
        .Select(o => new ReindexOutcomeDto(o.Source, o.Status switch
        {
            ReindexStatus.Queued => "queued",
            ReindexStatus.AlreadyRunning => "already-running",
            _ => "unknown-source",
        })).ToList()));

    private static async Task<IResult> ListKeysAsync(ApiKeyService keys, CancellationToken cancellationToken) =>
        Results.Ok((await keys.ListAsync(cancellationToken)).Select(ToDto).ToList());

    private static async Task<IResult> CreateKeyAsync(HttpRequest request, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateApiKeyRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var name = body!.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            return JsonBody.Problem("'name' is required (1 to 100 characters).");
        }

        var limit = body.PerMinuteLimit ?? 60;
        if (limit is < 1 or > 100_000)
        {
            return JsonBody.Problem("'perMinuteLimit' must be between 1 and 100000.");
        }

        var (key, secret) = await keys.CreateAsync(name, limit, cancellationToken);
        return Results.Created($"/api/admin/keys/{key.Id}", new CreatedApiKeyDto(ToDto(key), secret));
    }

    private static async Task<IResult> RevokeKeyAsync(string id, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken)
            ? Results.NoContent()
            : Results.Problem(detail: $"No active key '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ApiKeyDto ToDto(ApiKeyEntity k) => new(k.Id, k.Name, k.PerMinuteLimit, k.UsageCount, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
