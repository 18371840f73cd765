using System.Globalization;
using Microsoft.Extensions.FileProviders;
using StudyBot.Host.Admin;
using StudyBot.Host.Api;
using StudyBot.Storage.KnowledgeGaps;

namespace StudyBot.Host.KnowledgeGaps;

public static class KnowledgeGapEndpoints
{
    public const string PagePath = "/admin/knowledge-gaps";
    private const int DefaultTop = 50;
    private static readonly EmbeddedFileProvider Files = new(typeof(KnowledgeGapEndpoints).Assembly, "StudyBot.Host.KnowledgeGaps");

    /// <summary>GET /api/admin/knowledge-gaps (admin key) and its page for admins' browsers at /admin/knowledge-gaps.</summary>
    public static IEndpointRouteBuilder MapKnowledgeGaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/knowledge-gaps", ReportAsync).AddEndpointFilter<AdminKeyFilter>().WithTags("Admin").WithName("AdminKnowledgeGaps")
            .WithSummary("Questions answered 'not in the knowledge base' and pages behind 👎 answers (and missed quiz questions), most affected first. ?since= (default 30 days ago), ?top= (default 50).")
            .Produces<KnowledgeGapReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapGet(PagePath, (HttpContext http, AdminAuthentication admin) => Page(http, admin, "knowledge-gaps.html", "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet(PagePath + ".js", (HttpContext http, AdminAuthentication admin) => Page(http, admin, "knowledge-gaps.js", "text/javascript; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReportAsync(HttpRequest request, KnowledgeGapService gaps, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        if (request.Query["since"].ToString() is { Length: > 0 } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return JsonBody.Problem("'since' must be an ISO 8601 date or time, e.g. 2026-11-01.");
            }

            since = parsed;
        }

        var top = DefaultTop;
        if (request.Query["top"].ToString() is { Length: > 0 } topText
            && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
        {
            return JsonBody.Problem("'top' must be between 1 and 1000.");
        }

        return Results.Ok(await gaps.BuildAsync(since, top, cancellationToken));
    }

    /// <summary>The page is for admins only: others are sent to the admin sign-in, which brings them back.</summary>
    private static IResult Page(HttpContext http, AdminAuthentication admin, string name, string contentType) => admin.IsAdmin(http)
        ? Results.Stream(Files.GetFileInfo(name).CreateReadStream(), contentType)
        : Results.Redirect($"{AdminLoginEndpoints.Path}?returnUrl={Uri.EscapeDataString(PagePath)}");
}
