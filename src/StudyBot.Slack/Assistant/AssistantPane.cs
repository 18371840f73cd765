using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Replies;

namespace StudyBot.Slack.Assistant;

/// <summary>
/// What answering adds for Slack's AI surfaces: the sources of the channel open beside an assistant
/// pane, the pane thread's title, and assistant.threads.setStatus while the engine works (in channel
/// threads too: the method needs only chat:write). These are touches, never the answer: a refusal is
/// logged and the answer goes on.
/// </summary>
internal sealed partial class AssistantPane(
    SlackApiClient api, IConversationContextStore contexts, IOptions<SlackOptions> options, ILogger<AssistantPane> logger)
{
    /// <summary>The context recorded for an assistant pane thread; null for any other thread.</summary>
    public Task<ConversationContext?> FindAsync(string channel, string threadTs, CancellationToken cancellationToken) =>
        contexts.FindAsync(SlackAddress.Of(channel, threadTs), cancellationToken);

    /// <summary>The sources a pane question searches: those of the channel open beside it, else the defaults.</summary>
    public IReadOnlyCollection<string>? SourcesOf(ConversationContext pane) =>
        options.Value.ForChannel(pane.ViewedSpace ?? "").Sources;

    /// <summary>Names the pane thread after its first question.</summary>
    public Task NameAsync(string channel, string threadTs, string question, CancellationToken cancellationToken) =>
        TryAsync("assistant.threads.setTitle", () => api.SetTitleAsync(new SetTitleRequest(channel, threadTs, AssistantPrompts.TitleOf(question)), cancellationToken));

    /// <summary>
    /// The updates as they come, showing each working status under the thread ("StudyBot is searching the
    /// knowledge base…"). Slack clears a status when StudyBot replies; the status is cleared explicitly too
    /// once the reply is written, as an edited placeholder is no new reply.
    /// </summary>
    public async IAsyncEnumerable<ReplyUpdate> ShowingStatusAsync(
        string channel, string threadTs, IAsyncEnumerable<ReplyUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var shown = false;
        try
        {
            await foreach (var update in updates.WithCancellation(cancellationToken))
            {
                if (update is ReplyWorking working)
                {
                    shown = await SetStatusAsync(channel, threadTs, Status(working.Status), cancellationToken) || shown;
                }

                yield return update;
            }
        }
        finally
        {
            if (shown && !cancellationToken.IsCancellationRequested)
            {
                await SetStatusAsync(channel, threadTs, "", cancellationToken);
            }
        }
    }

    /// <summary>Slack shows "&lt;app name&gt; &lt;status&gt;": "Searching the knowledge base…" becomes "is searching the knowledge base…".</summary>
    internal static string Status(string working) =>
        working.Length == 0 ? working : "is " + char.ToLowerInvariant(working[0]) + working[1..];

    private Task<bool> SetStatusAsync(string channel, string threadTs, string status, CancellationToken cancellationToken) =>
        TryAsync("assistant.threads.setStatus", () => api.SetStatusAsync(new SetStatusRequest(channel, threadTs, status), cancellationToken));

    private async Task<bool> TryAsync(string method, Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (SlackApiException ex)
        {
            LogRefused(method, ex.Error);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Slack {Method} refused ({Error}); answering without it")]
    private partial void LogRefused(string method, string error);
}
