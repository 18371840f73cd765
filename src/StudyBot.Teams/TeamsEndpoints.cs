using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StudyBot.Teams.Intake;

namespace StudyBot.Teams;

/// <summary>Teams' HTTP endpoint: POST /api/messages, which verifies the token, stores the activity durably, and only then acknowledges.</summary>
public static class TeamsEndpoints
{
    /// <summary>POST /api/messages, the Bot Framework messaging endpoint.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost(MessagesEndpoint.Route, (HttpRequest request, MessagesEndpoint endpoint, CancellationToken cancellationToken) =>
                endpoint.HandleAsync(request, cancellationToken))
            .WithName("TeamsMessages")
            .WithSummary("Bot Framework messaging endpoint for Microsoft Teams (bearer token from the Bot Connector required).")
            .ExcludeFromDescription();
        return app;
    }
}
