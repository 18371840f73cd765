using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Api;

/// <summary>The assistant.threads methods of the agent pane; each sets a state, so repeating one is harmless.</summary>
internal sealed partial class SlackApiClient
{
    /// <summary>assistant.threads.setStatus (chat:write; also in channel threads).</summary>
    public Task<SlackResponse> SetStatusAsync(SetStatusRequest status, CancellationToken cancellationToken) =>
        SendAsync("assistant.threads.setStatus", Post("assistant.threads.setStatus", status, SlackJson.Default.SetStatusRequest, idempotent: true), SlackJson.Default.SlackResponse, cancellationToken);

    /// <summary>assistant.threads.setSuggestedPrompts (assistant:write, Tier 4).</summary>
    public Task<SlackResponse> SetSuggestedPromptsAsync(SetSuggestedPromptsRequest prompts, CancellationToken cancellationToken) =>
        SendAsync("assistant.threads.setSuggestedPrompts", Post("assistant.threads.setSuggestedPrompts", prompts, SlackJson.Default.SetSuggestedPromptsRequest, idempotent: true), SlackJson.Default.SlackResponse, cancellationToken);

    /// <summary>assistant.threads.setTitle (assistant:write, Tier 4).</summary>
    public Task<SlackResponse> SetTitleAsync(SetTitleRequest title, CancellationToken cancellationToken) =>
        SendAsync("assistant.threads.setTitle", Post("assistant.threads.setTitle", title, SlackJson.Default.SetTitleRequest, idempotent: true), SlackJson.Default.SlackResponse, cancellationToken);
}
