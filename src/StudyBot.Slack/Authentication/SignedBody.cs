using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Intake;

namespace StudyBot.Slack.Authentication;

/// <summary>Reads a Slack request's raw body and checks its signature before anything parses it.</summary>
internal static partial class SignedBody
{
    /// <summary>Slack's payloads are small; anything this large is not from Slack.</summary>
    public const int MaxBytes = 1 << 20;

    /// <returns>The body as text (without a byte order mark), or the result rejecting the request.</returns>
    public static async Task<(string? Body, IResult? Rejection)> ReadAsync(
        HttpRequest request, SlackSignatureVerifier verifier, ILogger logger, CancellationToken cancellationToken)
    {
        if (await BoundedBody.ReadAsync(request, MaxBytes, cancellationToken) is not { } read)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var body = read.Span;
        var check = verifier.Verify(
            request.Headers[SlackSignatureVerifier.TimestampHeader], request.Headers[SlackSignatureVerifier.SignatureHeader], body);
        if (check != SignatureCheck.Valid)
        {
            LogRejected(logger, request.Path, check);
            return (null, Results.Unauthorized());
        }

        var bom = Encoding.UTF8.Preamble;
        return (Encoding.UTF8.GetString(body.StartsWith(bom) ? body[bom.Length..] : body), null);
    }

    [LoggerMessage(LogLevel.Warning, "Rejected request to {Path}: signature {Check}")]
    private static partial void LogRejected(ILogger logger, string path, SignatureCheck check);
}
