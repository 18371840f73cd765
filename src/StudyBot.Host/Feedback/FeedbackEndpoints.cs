using System.Text;
using Microsoft.Net.Http.Headers;
using StudyBot.Host.Admin;
using StudyBot.Host.Api;
using StudyBot.Storage.Feedback;

namespace StudyBot.Host.Feedback;

public static class FeedbackEndpoints
{
    /// <summary>/api/admin/feedback: the 👍/👎 votes with their answers, listed or exported as CSV or JSON, behind the admin key.</summary>
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/feedback").AddEndpointFilter<AdminKeyFilter>().WithTags("Admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapGet("", ListAsync).WithName("AdminListFeedback")
            .WithSummary("Votes, newest first, with question, answer, citations and prompt version. Filters: from, to, helpful, promptVersion, channel, limit (default 100).")
            .Produces<IReadOnlyList<FeedbackRecord>>();
        admin.MapGet("/export", ExportAsync).WithName("AdminExportFeedback")
            .WithSummary("Every matching vote as a download: format=csv (default) or json; same filters, limit up to 100000.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<IReadOnlyList<FeedbackRecord>>(StatusCodes.Status200OK, "application/json");
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, FeedbackQueries feedback, CancellationToken cancellationToken)
    {
        var (filter, error) = FeedbackFilter.Parse(request.Query, FeedbackFilter.DefaultLimit);
        return filter is null ? JsonBody.Problem(error!) : Results.Ok(await feedback.ListAsync(filter, cancellationToken));
    }

    private static async Task<IResult> ExportAsync(HttpRequest request, FeedbackQueries feedback, TimeProvider time, CancellationToken cancellationToken)
    {
        var (filter, error) = FeedbackFilter.Parse(request.Query, FeedbackFilter.MaxLimit);
        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "csv";
        if (filter is null || format is not ("csv" or "json"))
        {
            return JsonBody.Problem(error ?? "'format' must be csv or json.");
        }

        var records = await feedback.ListAsync(filter, cancellationToken);
        var name = $"studybot-feedback-{time.GetUtcNow():yyyyMMdd-HHmmss}.{format}";
        if (format == "json")
        {
            request.HttpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = name }.ToString();
            return Results.Json(records, contentType: "application/json; charset=utf-8");
        }

        // The byte-order mark makes spreadsheet programs read the file as UTF-8 (questions carry accents and emoji).
        return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(FeedbackCsv.Write(records))], "text/csv; charset=utf-8", name);
    }
}
