using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Safety;

/// <summary>
/// The engine's gate: a length cap, then a token bucket per user and one per channel. A message
/// over either limit gets a friendly notice carrying when to try again, and is not processed.
/// </summary>
public sealed class ConversationLimiter : IDisposable
{
    private readonly InputLimitsOptions _options;
    private readonly PartitionedRateLimiter<IncomingMessage>? _users;
    private readonly PartitionedRateLimiter<IncomingMessage>? _channels;

    public ConversationLimiter(IOptions<InputLimitsOptions> options)
    {
        _options = options.Value;
        _users = Create(_options.UserMessagesPerMinute, m => $"{m.Channel}\n{m.UserId}");
        _channels = Create(_options.ChannelMessagesPerMinute, m => $"{m.Channel}\n{m.Address.Space}");
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

        if (Refuse(_users, message) is { } userWait)
        {
            AnswerTelemetry.RecordRateLimited(message.Channel, "user");
            return new NoticeReply($"You're asking faster than I can keep up — please try again in {Seconds(userWait)}.", userWait);
        }

        if (Refuse(_channels, message) is { } channelWait)
        {
            AnswerTelemetry.RecordRateLimited(message.Channel, "channel");
            return new NoticeReply($"This conversation has asked a lot in the last minute — please try again in {Seconds(channelWait)}.", channelWait);
        }

        return null;
    }

    public void Dispose()
    {
        _users?.Dispose();
        _channels?.Dispose();
    }

    private static PartitionedRateLimiter<IncomingMessage>? Create(int perMinute, Func<IncomingMessage, string> key) =>
        perMinute == 0 ? null : PartitionedRateLimiter.Create<IncomingMessage, string>(message => RateLimitPartition.GetTokenBucketLimiter(
            key(message),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>Null when a permit was granted; otherwise how long to wait.</summary>
    private static TimeSpan? Refuse(PartitionedRateLimiter<IncomingMessage>? limiter, IncomingMessage message)
    {
        if (limiter is null)
        {
            return null;
        }

        using var lease = limiter.AttemptAcquire(message);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds <= 1 ? "a second" : $"{Math.Ceiling(wait.TotalSeconds):0} seconds";
}
