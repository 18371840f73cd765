using Microsoft.Extensions.Logging;
using StudyBot.Teams.Api;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>"StudyBot is typing…" while an answer is prepared: sent at once, then every few seconds until disposed.</summary>
internal sealed partial class TypingIndicator(ConnectorClient connector, TimeProvider time, ILogger<TypingIndicator> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    public async Task<IAsyncDisposable> StartAsync(ConversationReference to, CancellationToken cancellationToken)
    {
        await SendAsync(to, cancellationToken);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loop = RepeatAsync(to, stop.Token);
        return new Running(stop, loop);
    }

    private async Task RepeatAsync(ConversationReference to, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, time, cancellationToken);
                await SendAsync(to, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The answer is ready.
        }
    }

    private async Task SendAsync(ConversationReference to, CancellationToken cancellationToken)
    {
        try
        {
            await connector.SendAsync(to, new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            // A missing typing indicator is not worth failing the answer for.
            LogTypingFailed(ex.Status is { } status ? (int)status : 0);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Typing indicator not delivered (status {Status})")]
    private partial void LogTypingFailed(int status);

    private sealed class Running(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
