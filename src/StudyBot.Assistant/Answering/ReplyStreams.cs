using System.Runtime.CompilerServices;
using System.Threading.Channels;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Answering;

/// <summary>Reply streams (<see cref="ReplyUpdate"/>): made from work that reports as it goes, and read to their end.</summary>
public static class ReplyStreams
{
    /// <summary>A stream of one completed reply.</summary>
    public static IAsyncEnumerable<ReplyUpdate> Of(Reply reply) => new ReplyUpdate[] { new ReplyCompleted(reply) }.ToAsyncEnumerable();

    /// <summary>The completed reply of a stream; the updates before it are skipped.</summary>
    public static async Task<Reply> CompletedAsync(this IAsyncEnumerable<ReplyUpdate> updates, CancellationToken cancellationToken)
    {
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            if (update is ReplyCompleted completed)
            {
                return completed.Reply;
            }
        }

        throw new InvalidOperationException("The reply stream ended without a completed reply.");
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which reports updates through its callback and returns the reply, as a
    /// stream: its updates as they come, then the reply. A consumer that stops reading cancels the work.
    /// </summary>
    public static async IAsyncEnumerable<ReplyUpdate> RunAsync(
        Func<Action<ReplyUpdate>, CancellationToken, Task<Reply>> work, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var updates = Channel.CreateUnbounded<ReplyUpdate>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = Task.Run(
            async () =>
            {
                try
                {
                    var reply = await work(update => updates.Writer.TryWrite(update), stop.Token);
                    updates.Writer.TryWrite(new ReplyCompleted(reply));
                    updates.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    updates.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);
        try
        {
            while (await updates.Reader.WaitToReadAsync(cancellationToken))
            {
                while (updates.Reader.TryRead(out var update))
                {
                    yield return update;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }
}
