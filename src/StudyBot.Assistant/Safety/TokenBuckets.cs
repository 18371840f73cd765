using System.Collections.Concurrent;

namespace StudyBot.Assistant.Safety;

/// <summary>
/// One token bucket per partition key, on a <see cref="TimeProvider"/>: a burst of <c>perMinute</c> tokens,
/// refilled at <c>perMinute</c> a minute. <c>perMinute</c> 0 = no limit. Buckets that have filled up again are
/// dropped now and then, so the map holds only recent callers.
/// </summary>
public sealed class TokenBuckets(int perMinute, TimeProvider time)
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly double _perSecond = perMinute / 60.0;
    private int _takes;

    /// <summary>Null when a token was taken; otherwise how long until the next one.</summary>
    public TimeSpan? TryTake(string key)
    {
        if (perMinute == 0)
        {
            return null;
        }

        var now = time.GetTimestamp();
        if (Interlocked.Increment(ref _takes) % SweepEvery == 0)
        {
            Sweep(now);
        }

        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(perMinute, now));
        lock (bucket)
        {
            bucket.Refill(Math.Min(perMinute, bucket.Tokens + time.GetElapsedTime(bucket.Updated, now).TotalSeconds * _perSecond), now);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens--;
                return null;
            }

            return TimeSpan.FromSeconds((1 - bucket.Tokens) / _perSecond);
        }
    }

    private void Sweep(long now)
    {
        var full = TimeSpan.FromSeconds(perMinute / _perSecond);
        foreach (var (key, bucket) in _buckets)
        {
            if (time.GetElapsedTime(bucket.Updated, now) >= full)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;

        public long Updated { get; private set; } = updated;

        public void Refill(double tokens, long now)
        {
            Tokens = tokens;
            Updated = now;
        }
    }
}
