using System.Net.Http.Headers;
using System.Net.Http.Json;
using StudyBot.Adapters.Api;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Api;

/// <summary>
/// Typed client for the response_url of slash commands and interactions. The URL is itself a
/// credential, so this client has no request logging.
/// </summary>
internal sealed class ResponseUrlClient(HttpClient http)
{
    public async Task RespondAsync(Uri responseUrl, CommandResponse message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = JsonContent.Create(message, SlackJson.Default.CommandResponse, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
        };
        // Replacing the original message is idempotent; a new message is not.
        request.MarkIdempotent(message.ReplaceOriginal == true);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Slack names the problem in a short body: expired_url, used_url, no_text…
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            var status = (int)response.StatusCode;
            var error = text.Length is > 0 and < 64 && text.All(c => char.IsAsciiLetterLower(c) || c == '_') ? text
                : status == 429 ? "ratelimited"
                : status >= 500 ? "http_error"
                : $"http_{status}";
            throw new SlackApiException("response_url", error);
        }
    }
}
