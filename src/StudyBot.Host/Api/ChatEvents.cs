using System.Diagnostics;
using System.Net.ServerSentEvents;
using StudyBot.Core.Conversations;

namespace StudyBot.Host.Api;

/// <summary>
/// A reply stream as server-sent events: "working" and "delta" events ({ "text": … }) while an answer is
/// written, then one "reply" event carrying the <see cref="ChatResponse"/> the JSON call returns.
/// </summary>
internal static class ChatEvents
{
    public const string ContentType = "text/event-stream";

    public static async IAsyncEnumerable<SseItem<object>> Of(IAsyncEnumerable<ReplyUpdate> updates, CitationLinks links)
    {
        await foreach (var update in updates)
        {
            yield return update switch
            {
                ReplyWorking working => new SseItem<object>(new ChatEventText(working.Status), "working"),
                ReplyDelta delta => new SseItem<object>(new ChatEventText(delta.Text), "delta"),
                ReplyCompleted completed => new SseItem<object>(ChatResponse.From(completed.Reply, links), "reply"),
                _ => throw new UnreachableException(update.GetType().Name),
            };
        }
    }
}

/// <summary>The data of a "working" or "delta" event.</summary>
public sealed record ChatEventText(string Text);
