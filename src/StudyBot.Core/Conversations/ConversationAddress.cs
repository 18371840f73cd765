namespace StudyBot.Core.Conversations;

/// <summary>
/// Where a message came from and where replies go. Only the channel's adapter builds one (from a
/// platform payload) and reads <see cref="Reference"/> back when it posts; the engine and the
/// stores compare <see cref="Channel"/>, <see cref="Space"/> and <see cref="Thread"/>, and keep the
/// rest as it is.
/// </summary>
/// <param name="Channel">"slack", "teams", "web", "api" or "cli".</param>
/// <param name="Space">
/// Where a conversation's quizzes and rate limits count together: a Slack channel or DM, a Teams
/// channel, group or personal chat, a playground session.
/// </param>
/// <param name="Thread">The thread within the space, if any: a Slack thread's ts, a Teams channel thread's root message id.</param>
/// <param name="Reference">
/// What the adapter needs to post here later besides space and thread, e.g. Teams' conversation
/// reference with its serviceUrl; null when nothing more is needed. Two messages of one conversation
/// may carry different references (the latest is the one to use).
/// </param>
public sealed record ConversationAddress(string Channel, string Space, string? Thread = null, string? Reference = null)
{
    /// <summary>
    /// The conversation as one string, for logs, the answer log and prompt variants: the space, and
    /// the thread after a colon. Never parsed: <see cref="Space"/> and <see cref="Thread"/> are kept
    /// wherever they are needed again.
    /// </summary>
    public string Id => Thread is null ? Space : $"{Space}:{Thread}";
}
