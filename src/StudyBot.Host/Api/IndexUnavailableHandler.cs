using Microsoft.AspNetCore.Diagnostics;
using StudyBot.Core.Retrieval;

namespace StudyBot.Host.Api;

/// <summary>Any endpoint that needs the index while it is unreachable answers 503 with the reason, not 500.</summary>
public sealed partial class IndexUnavailableHandler(IProblemDetailsService problems, ILogger<IndexUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not KnowledgeUnavailableException unavailable)
        {
            return false;
        }

        LogUnavailable(httpContext.Request.Path, unavailable.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "30";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The index is unavailable", Detail = unavailable.Message },
        });
    }

    [LoggerMessage(LogLevel.Warning, "{Path}: the index is unavailable: {Reason}")]
    private partial void LogUnavailable(string path, string reason);
}
