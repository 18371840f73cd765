using StudyBot.Core.Feedback;

namespace StudyBot.Teams.Tests.Infrastructure;

internal static class AnswerLogWaits
{
    /// <summary>The answer a Teams message carries, once StudyBot has noted it (just after the Connector took the message).</summary>
    public static async Task<string> AnswerOfMessageAsync(this IAnswerLog answers, string conversationId, string messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await answers.FindByMessageAsync("teams", conversationId, messageId, CancellationToken.None) is { } answerId)
            {
                return answerId;
            }

            Assert.True(DateTime.UtcNow < deadline, $"message {messageId} was never noted with its answer");
            await Task.Delay(50);
        }
    }
}
