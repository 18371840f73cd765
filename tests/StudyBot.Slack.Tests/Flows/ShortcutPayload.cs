using System.Text.Json.Nodes;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>Slack's documented message_action payload (Fixtures/interactivity) for "Ask StudyBot about this message" on a stored message.</summary>
internal static class ShortcutPayload
{
    public static JsonObject For(FakeSlackApi slack, string person, string channel, string ts, string? threadTs, string author, string text)
    {
        var payload = SlackFixtures.Documented("interactivity", "message_action.json");
        payload["callback_id"] = "ask_studybot";
        payload["trigger_id"] = Guid.NewGuid().ToString("N");
        payload["response_url"] = slack.ResponseUrl(Guid.NewGuid().ToString("N")).ToString();
        payload["channel"]!["id"] = channel;
        payload["user"]!["id"] = person;
        payload["message"]!["text"] = text;
        payload["message"]!["user"] = author;
        payload["message"]!["ts"] = ts;
        if (threadTs is not null)
        {
            payload["message"]!["thread_ts"] = threadTs;
        }

        payload["message_ts"] = ts;
        return payload;
    }

    public static string Form(JsonNode payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());
}
