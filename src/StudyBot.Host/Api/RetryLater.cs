using System.Globalization;

namespace StudyBot.Host.Api;

/// <summary>Problem responses that tell the caller when to try again (Retry-After, whole seconds, at least 1).</summary>
internal static class RetryLater
{
    public static IResult TooManyRequests(HttpContext http, string reason, TimeSpan wait) =>
        Problem(http, StatusCodes.Status429TooManyRequests, "Too many requests", reason, wait);

    public static IResult StillIndexing(HttpContext http, string reason, TimeSpan wait) =>
        Problem(http, StatusCodes.Status503ServiceUnavailable, "Still indexing", reason, wait);

    private static IResult Problem(HttpContext http, int status, string title, string reason, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(detail: reason, statusCode: status, title: title);
    }
}
