using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Wire;




namespace StudyBot.Slack.Intake;

/// <summary>
/// Which events are questions for StudyBot: mentions, direct messages, every top-level message of a
/// channel that is not mentions-only, and thread replies (answered when StudyBot is in the thread).
/// Bots (StudyBot included), edits and other subtypes are ignored.
/// </summary>
internal static class QuestionFilter
{
    public static QuestionKind Classify(SlackEvent? e, SlackChannelSettings channel, BotIdentity? bot)
    {
        if (e?.Channel is null || e.User is null || e.Ts is null || e.BotId is not null || (bot is not null && e.User == bot.UserId))
        {
            return QuestionKind.None;
        }

        return e.Type switch
        {
            // Direct messages arrive as message.im; a mention there would be answered twice.
            SlackEvent.AppMention => e.IsDirect ? QuestionKind.None : QuestionKind.Question,
            SlackEvent.Message => ClassifyMessage(e, channel, bot),
            _ => QuestionKind.None,
        };
    }

    private static QuestionKind ClassifyMessage(SlackEvent e, SlackChannelSettings channel, BotIdentity? bot)
    {
        // thread_broadcast is a thread reply also sent to the channel: still a person's message.
        if (e.Subtype is not (null or "thread_broadcast"))
        {
            return QuestionKind.None;
        }

        if (e.IsDirect)
        {
            return QuestionKind.Question;
        }

        // A mention in a channel also arrives as app_mention, which answers it.
        if (bot is not null && e.Text?.Contains($"<@{bot.UserId}", StringComparison.Ordinal) == true)
        {
            return QuestionKind.None;
        }

        if (e.IsThreadReply)
        {
            return QuestionKind.FollowUpIfInThread;
        }

        return channel.MentionsOnly ? QuestionKind.None : QuestionKind.Question;
    }
}

internal enum QuestionKind
{
    None,
    Question,

    /// <summary>A thread reply without a mention: answered when StudyBot already replied in the thread.</summary>
    FollowUpIfInThread,
}
