using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Intake;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.Configuration;
using StudyBot.Teams.Feedback;
using StudyBot.Teams.Handling;
using StudyBot.Teams.MessageActions;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Intake;

/// <summary>
/// POST /api/messages: verify the bearer token, read the activity, then either make it durable in the inbox
/// (messages, the bot's own installation) before the 200, or answer an invoke in the response.
/// </summary>
internal sealed partial class MessagesEndpoint(
    IOptions<TeamsOptions> options,
    BotTokenValidator tokens,
    TrustedServiceUrls trusted,
    IInbox inbox,
    CardActionInvoke cardActions,
    FeedbackLoopInvoke feedback,
    AskAboutMessage askAbout,
    UnauthenticatedModeWarning unauthenticated,
    ILogger<MessagesEndpoint> logger)
{
    public const string Route = "/api/messages";
    public const int MaxBodyBytes = 512 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ValidatedToken? token = null;
        if (options.Value.AuthenticationEnabled)
        {
            TokenCheck check;
            try
            {
                check = await tokens.ValidateAsync(request.Headers.Authorization.ToString(), cancellationToken);
            }
            catch (Exception ex) when (ex is OpenIdMetadataException or HttpRequestException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogMetadataUnavailable(ex);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (check.Token is null)
            {
                return Unauthorized(check.Failure!);
            }

            token = check.Token;
        }
        else
        {
            unauthenticated.OnActivity();
        }

        if (await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return Results.Problem(title: "Activity too large", detail: $"The body exceeds {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var parsed = ActivityParser.Parse(body.Span);
        if (parsed.Activity is not { } activity)
        {
            LogMalformed(parsed.Error!);
            return Results.Problem(title: "Malformed activity", detail: parsed.Error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (token?.Authorizes(activity.ChannelId!, activity.ServiceUrl!) is { } refusal)
        {
            return Unauthorized(refusal);
        }

        if (!IsAllowedTenant(activity))
        {
            LogTenantRefused(TeamsScope.Of(activity).TenantId ?? "(none)");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!trusted.Trust(activity.ServiceUrl!))
        {
            LogUntrustedServiceUrl(activity.ServiceUrl!);
            return Results.Problem(
                title: "serviceUrl not served",
                detail: "Without StudyBot:Teams:AppId only loopback serviceUrls are answered (local testing).",
                statusCode: StatusCodes.Status403Forbidden);
        }

        return activity.Type switch
        {
            ActivityTypes.Message => await AcceptAsync(activity, body, cancellationToken),
            ActivityTypes.ConversationUpdate when WelcomeHandler.Welcomes(activity) => await AcceptAsync(activity, body, cancellationToken),
            ActivityTypes.Invoke => await InvokeAsync(activity, body, cancellationToken),
            _ => Results.Ok(),
        };
    }

    /// <summary>Invokes are answered in the HTTP response, which Teams waits for.</summary>
    private async Task<IResult> InvokeAsync(Activity activity, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        switch (activity.Name)
        {
            case ActivityTypes.AdaptiveCardAction:
                return Results.Json(await cardActions.HandleAsync(activity, cancellationToken), TeamsJson.Default.InvokeResponse);
            case ActivityTypes.SuggestedActionSubmit when CardAction.TryRead(activity.Value, out _, out _):
                // A suggested action's work (a quiz, the sources) is a reply like a message's; the empty 200 acknowledges it.
                return await AcceptAsync(activity, body, cancellationToken);
            case FeedbackLoopInvoke.FetchTask when await feedback.FormAsync(activity, cancellationToken) is { } form:
                return Results.Json(form, TeamsJson.Default.JsonNode);
            case FeedbackLoopInvoke.SubmitAction when await feedback.SubmitAsync(activity, cancellationToken):
                // Teams shows its own thanks and refuses any body but an empty object.
                return Results.Json(new JsonObject(), TeamsJson.Default.JsonNode);
            case AskAboutMessage.FetchTask:
                return Answer(await askAbout.FetchAsync(activity, cancellationToken));
            case AskAboutMessage.SubmitAction:
                return Answer(await askAbout.SubmitAsync(activity, body, cancellationToken));
            default:
                return Results.Ok();
        }
    }

    /// <summary>A message action's response, or 400 with why its invoke cannot be read.</summary>
    private IResult Answer((JsonObject? Body, string? Problem) response)
    {
        if (response.Body is { } body)
        {
            return Results.Json(body, TeamsJson.Default.JsonNode);
        }

        LogMalformed(response.Problem!);
        return Results.Problem(title: "Malformed invoke", detail: response.Problem, statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>The inbox key: Teams message ids are unique within a conversation, not across conversations.</summary>
    public static string InboxKey(Activity activity) => $"{activity.Id}@{activity.Conversation!.Id}";

    private async Task<IResult> AcceptAsync(Activity activity, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var key = InboxKey(activity);
        if (!await inbox.TryAcceptAsync(key, TeamsWork.Channel, Encoding.UTF8.GetString(body.Span), cancellationToken))
        {
            LogRedelivery(key);
        }

        return Results.Ok();
    }

    private bool IsAllowedTenant(Activity activity)
    {
        var allowed = options.Value.AllowedTenantIds;
        return allowed.Count == 0 || (TeamsScope.Of(activity).TenantId is { } tenant && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase));
    }

    private IResult Unauthorized(string reason)
    {
        LogRejected(reason);
        return Results.Unauthorized();
    }

    [LoggerMessage(LogLevel.Warning, "Rejected a Teams request: {Reason}")]
    private partial void LogRejected(string reason);

    [LoggerMessage(LogLevel.Warning, "Malformed Teams activity: {Reason}")]
    private partial void LogMalformed(string reason);

    [LoggerMessage(LogLevel.Warning, "Refused a Teams activity from tenant {TenantId}, which is not in StudyBot:Teams:AllowedTenantIds")]
    private partial void LogTenantRefused(string tenantId);

    [LoggerMessage(LogLevel.Warning, "Refused an unauthenticated activity for {ServiceUrl}: without an app id only loopback serviceUrls are answered")]
    private partial void LogUntrustedServiceUrl(string serviceUrl);

    [LoggerMessage(LogLevel.Information, "Teams activity {Key} was already accepted; acknowledging the redelivery")]
    private partial void LogRedelivery(string key);

    [LoggerMessage(LogLevel.Error, "Bot Framework signing keys are unavailable; answering 503")]
    private partial void LogMetadataUnavailable(Exception exception);
}
