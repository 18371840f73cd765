using System.Text.Json;

namespace StudyBot.Teams.Wire;

/// <summary>Reads an activity from a request body and checks the fields StudyBot relies on.</summary>
internal static class ActivityParser
{
    public static ActivityParseResult Parse(ReadOnlySpan<byte> body)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, TeamsJson.Default.Activity);
        }
        catch (JsonException ex)
        {
            return ActivityParseResult.Fail($"The body is not a valid activity: {ex.Message}");
        }

        if (activity is null)
        {
            return ActivityParseResult.Fail("The body is not a JSON object.");
        }

        var missing = MissingField(activity);
        if (missing is not null)
        {
            return ActivityParseResult.Fail($"The activity has no '{missing}'.");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return ActivityParseResult.Fail("The activity's 'serviceUrl' is not an absolute http(s) URL.");
        }

        return ActivityParseResult.Ok(activity);
    }

    private static string? MissingField(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "type";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "channelId";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "serviceUrl";
        }

        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate)
        {
            if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            {
                return "conversation.id";
            }

            if (string.IsNullOrWhiteSpace(activity.Id) && activity.Type != ActivityTypes.ConversationUpdate)
            {
                return "id";
            }

            if (string.IsNullOrWhiteSpace(activity.From?.Id) && activity.Type != ActivityTypes.ConversationUpdate)
            {
                return "from.id";
            }
        }

        return null;
    }
}

internal sealed record ActivityParseResult(Activity? Activity, string? Error)
{
    public static ActivityParseResult Ok(Activity activity) => new(activity, null);

    public static ActivityParseResult Fail(string error) => new(null, error);
}
