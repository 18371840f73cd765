using StudyBot.Core.Quizzes;

namespace StudyBot.Core.Tests;

public sealed class ConversationSpaceTests
{
    [Theory]
    [InlineData("slack", "C0123ABC:1712345678.000100", "C0123ABC")]
    [InlineData("slack", "D0123ABC", "D0123ABC")]
    [InlineData("teams", "19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571540169848", "19:097e6717fd7245bdbeba6baa13840db8@thread.skype")]
    [InlineData("teams", "a:1kbOecyrymSn1FtrbJlQNF", "a:1kbOecyrymSn1FtrbJlQNF")]
    [InlineData("web", "tab:1", "tab:1")]
    public void Of_ThreadOfAChannel_IsTheChannel(string channel, string conversation, string space) =>
        Assert.Equal(space, ConversationSpace.Of(channel, conversation));
}
