using System.Globalization;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Safety;

/// <summary>
/// The engine's gate: a length cap for every message, then, for chat users (Slack, Teams), a token
/// bucket per user and one per channel. A message over either limit gets a friendly notice carrying
/// when to try again, and is not processed. Web and API callers are limited per caller where the
/// caller is known, at the HTTP edge (the Host's CallerRateLimitFilter); the command line is local.
/// </summary>
public sealed class ConversationLimiter
{
    private readonly InputLimitsOptions _options;
    private readonly TokenBuckets _users;
    private readonly TokenBuckets _channels;

    public ConversationLimiter(IOptions<InputLimitsOptions> options, TimeProvider? time = null)
    {
        _options = options.Value;
        _users = new TokenBuckets(_options.UserMessagesPerMinute, time ?? TimeProvider.System);
        _channels = new TokenBuckets(_options.ChannelMessagesPerMinute, time ?? TimeProvider.System);
    }

    public int MaxQuestionChars => _options.MaxQuestionChars;

    /// <summary>Null when the message may go on; otherwise the reply that turns it away.</summary>
    public NoticeReply? Check(IncomingMessage message)
    {
        var length = message.Text.Trim().Length;
        if (length > _options.MaxQuestionChars)
        {
            return new NoticeReply(string.Create(CultureInfo.InvariantCulture,
                $"That message is {length} characters long; please keep questions under {_options.MaxQuestionChars} characters."));
        }

        if (message.Channel is "web" or "api" or "cli")
        {
            return null;
        }

        if (_users.TryTake($"{message.Channel}\n{message.UserId}") is { } userWait)
        {
            AnswerTelemetry.RecordRateLimited(message.Channel, "user");
            return TooFast(userWait);
        }

        if (_channels.TryTake($"{message.Channel}\n{message.Address.Space}") is { } channelWait)
        {
            AnswerTelemetry.RecordRateLimited(message.Channel, "channel");
            return new NoticeReply($"This conversation has asked a lot in the last minute — please try again in {Seconds(channelWait)}.", channelWait);
        }

        return null;
    }

    /// <summary>What a user over their own limit is told.</summary>
    public static NoticeReply TooFast(TimeSpan wait) => new($"You're asking faster than I can keep up — please try again in {Seconds(wait)}.", wait);

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds <= 1 ? "a second" : $"{Math.Ceiling(wait.TotalSeconds):0} seconds";
}
