using Microsoft.Extensions.Time.Testing;
using StudyBot.Assistant.Safety;

namespace StudyBot.Assistant.Tests.Safety;

public sealed class TokenBucketsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryTake_OncePerSecondAtSixtyPerMinute_IsNeverRefused()
    {
        var buckets = new TokenBuckets(60, _time);

        for (var second = 0; second < 600; second++)
        {
            Assert.Null(buckets.TryTake("script"));
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void TryTake_BurstBeyondTheBucket_IsRefusedUntilATokenIsBack()
    {
        var buckets = new TokenBuckets(60, _time);
        for (var i = 0; i < 60; i++)
        {
            Assert.Null(buckets.TryTake("burst"));
        }

        var wait = buckets.TryTake("burst");
        var other = buckets.TryTake("someone-else");
        _time.Advance(wait!.Value);

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Null(other);
        Assert.Null(buckets.TryTake("burst"));
        Assert.NotNull(buckets.TryTake("burst"));
    }

    [Fact]
    public void TryTake_ZeroPerMinute_NeverRefuses()
    {
        var buckets = new TokenBuckets(0, _time);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Null(buckets.TryTake("x")));
    }
}
