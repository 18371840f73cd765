using StudyBot.Core.Conversations;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;

namespace StudyBot.Slack.Handling;

/// <summary>A thread's earlier turns for the engine: people and StudyBot, oldest first, without placeholders or other bots.</summary>
internal static class ThreadHistory
{
    /// <summary>How many of a thread's messages are read for its history (conversations.replies).</summary>
    public const int MaxMessages = 1000;

    public static List<ConversationTurn> Before(IEnumerable<ThreadMessage> thread, string? ts, BotIdentity bot, SlackOptions options) =>
        Turns(thread.Where(m => m.Ts is not null && string.CompareOrdinal(m.Ts, ts) < 0), bot, options).TakeLast(options.HistoryMessages).ToList();

    /// <summary>All of a thread's turns (at most <see cref="MaxMessages"/>), for a summary of it.</summary>
    public static List<ConversationTurn> All(IEnumerable<ThreadMessage> thread, BotIdentity bot, SlackOptions options) =>
        Turns(thread.Where(m => m.Ts is not null), bot, options).TakeLast(MaxMessages).ToList();

    private static IEnumerable<ConversationTurn> Turns(IEnumerable<ThreadMessage> thread, BotIdentity bot, SlackOptions options) =>
        thread
            .Where(m => m.BotId is null || bot.Wrote(m.User, m.BotId))
            .Where(m => m.Subtype is null or "thread_broadcast" or "bot_message")
            .Where(m => !string.IsNullOrWhiteSpace(m.Text) && m.Text != options.WorkingText)
            .Select(m => new ConversationTurn(bot.Wrote(m.User, m.BotId), SlackText.ToPlain(m.Text, bot.UserId)));
}
