using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Api;

/// <summary>
/// The Bot Connector REST API v3 calls StudyBot makes: reply to an activity, send to a conversation, update
/// an activity. Only trusted serviceUrls are called; retries of 429/5xx (honouring Retry-After) come from the
/// resilience handler registered with this typed client.
/// </summary>
internal sealed class ConnectorClient(HttpClient http, AppTokenProvider tokens, TrustedServiceUrls trusted)
{
    /// <summary>POST v3/conversations/{id}/activities/{replyToId}: a threaded reply; returns the new activity's id.</summary>
    public Task<string?> ReplyAsync(ConversationReference to, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(to, replyToId), to.Address(activity, replyToId), cancellationToken);

    /// <summary>POST v3/conversations/{id}/activities: a new message in the conversation.</summary>
    public Task<string?> SendAsync(ConversationReference to, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(to, null), to.Address(activity, null), cancellationToken);

    /// <summary>PUT v3/conversations/{id}/activities/{activityId}: replaces a message StudyBot sent (a card update).</summary>
    public async Task UpdateAsync(ConversationReference to, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        await SendAsync(HttpMethod.Put, Url(to, activityId), to.Address(activity, null), cancellationToken);
    }

    private static Uri Url(ConversationReference to, string? activityId)
    {
        var root = to.ServiceUrl.EndsWith('/') ? to.ServiceUrl : to.ServiceUrl + "/";
        var path = $"v3/conversations/{Uri.EscapeDataString(to.ConversationId)}/activities";
        return new Uri(activityId is null ? root + path : $"{root}{path}/{Uri.EscapeDataString(activityId)}");
    }

    private async Task<string?> SendAsync(HttpMethod method, Uri uri, Activity activity, CancellationToken cancellationToken)
    {
        if (!trusted.IsTrusted(activity.ServiceUrl!))
        {
            throw new ConnectorException(method.Method, uri, null, "the serviceUrl was not seen in an authenticated activity");
        }

        using var request = new HttpRequestMessage(method, uri)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJson.Default.Activity)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException(method.Method, uri, null, ex.Message, ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Invalidate();
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ConnectorException(method.Method, uri, response.StatusCode, $"the Connector answered {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(body, TeamsJson.Default.ResourceResponse)?.Id;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
