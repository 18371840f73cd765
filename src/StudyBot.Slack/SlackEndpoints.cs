using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Slack.Authentication;
using StudyBot.Slack.Intake;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack;

/// <summary>
/// Slack's HTTP endpoints: /slack/events, /slack/commands and /slack/interactions. Each verifies the
/// signature, stores the work durably, and only then acknowledges; answers are sent in the background.
/// </summary>
public static class SlackEndpoints
{
    /// <summary>Maps the endpoints when the Slack adapter is configured for HTTP (a signing secret and no Socket Mode).</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<SlackSignatureVerifier>() is null)
        {
            return endpoints;
        }

        var slack = endpoints.MapGroup("/slack").ExcludeFromDescription().DisableAntiforgery();
        slack.MapPost("/events", EventsAsync);
        slack.MapPost("/commands", CommandsAsync);
        slack.MapPost("/interactions", InteractionsAsync);
        return endpoints;
    }

    private static async Task<IResult> EventsAsync(
        HttpRequest request, SlackSignatureVerifier verifier, EventIntake intake, ILogger<EventIntake> logger, CancellationToken cancellationToken)
    {
        var (body, rejection) = await SignedBody.ReadAsync(request, verifier, logger, cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }

        EventOutcome outcome;
        try
        {
            outcome = await intake.AcceptAsync(body!, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Malformed($"The body is not an Events API JSON object: {ex.Message}");
        }

        return outcome.Disposition == EventDisposition.Challenge
            ? Results.Json(new ChallengeResponse(outcome.Challenge!), SlackJson.Default.ChallengeResponse)
            : Results.Ok();
    }

    private static async Task<IResult> CommandsAsync(
        HttpRequest request, SlackSignatureVerifier verifier, CommandIntake intake, ILogger<CommandIntake> logger, CancellationToken cancellationToken)
    {
        var (body, rejection) = await SignedBody.ReadAsync(request, verifier, logger, cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }

        var acknowledgement = await intake.AcceptAsync(SlashCommand.FromForm(QueryHelpers.ParseQuery(body)), cancellationToken);
        return acknowledgement is null
            ? Malformed("A slash command needs its user_id, channel_id and trigger_id form fields.")
            : Results.Json(acknowledgement, SlackJson.Default.CommandResponse);
    }

    private static async Task<IResult> InteractionsAsync(
        HttpRequest request, SlackSignatureVerifier verifier, InteractionIntake intake, ILogger<InteractionIntake> logger, CancellationToken cancellationToken)
    {
        var (body, rejection) = await SignedBody.ReadAsync(request, verifier, logger, cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }

        if (!QueryHelpers.ParseQuery(body).TryGetValue("payload", out var payload) || payload.Count != 1)
        {
            return Malformed("An interaction is a form with one payload field.");
        }

        try
        {
            await intake.AcceptAsync(payload.ToString(), cancellationToken);
        }
        catch (JsonException ex)
        {
            return Malformed($"The payload field is not an interaction JSON object: {ex.Message}");
        }

        return Results.Ok();
    }

    /// <summary>400 with the reason, for a signed request whose body Slack would not have sent.</summary>
    private static IResult Malformed(string reason) =>
        Results.Problem(detail: reason, statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request");
}
