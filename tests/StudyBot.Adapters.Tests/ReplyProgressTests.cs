using StudyBot.Adapters.Replies;
using StudyBot.Core.Inbox;

namespace StudyBot.Adapters.Tests;

/// <summary>Reading saved progress; saving it with the real inbox is covered by the adapters' restart and redelivery tests.</summary>
public sealed class ReplyProgressTests
{
    private static InboxItem Item(string? state) => new("Ev1", "slack", "{}", DateTimeOffset.UnixEpoch, 2, state);

    [Fact]
    public void Of_SavedProgress_GivesTheMessageAndHowManyWerePosted() =>
        Assert.Equal(new ReplyProgress("1712345678.000100", 3), ReplyProgress.Of(Item("""{"messageId":"1712345678.000100","posted":3}""")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Of_NoOrUnreadableState_IsNothingPostedYet(string? state) =>
        Assert.Equal(new ReplyProgress(), ReplyProgress.Of(Item(state)));
}
