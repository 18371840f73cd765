using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace StudyBot.Assistant.Answering.Generative;

/// <summary>
/// One streamed chat completion request; HTTP 429 (which comes before the first chunk) is retried once
/// after its Retry-After when the deadline leaves room for it.
/// </summary>
internal sealed class ModelCall(IChatCompletionService completion, TimeProvider time, DateTimeOffset deadline)
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);
    private bool _retried;

    public async IAsyncEnumerable<StreamingChatMessageContent> StreamAsync(
        ChatHistory history, PromptExecutionSettings settings, Kernel kernel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (chunks, more) = await StartAsync(history, settings, kernel, cancellationToken);
        await using (chunks)
        {
            while (more)
            {
                yield return chunks.Current;
                more = await chunks.MoveNextAsync();
            }
        }
    }

    private async Task<(IAsyncEnumerator<StreamingChatMessageContent> Chunks, bool More)> StartAsync(
        ChatHistory history, PromptExecutionSettings settings, Kernel kernel, CancellationToken cancellationToken)
    {
        while (true)
        {
            var chunks = completion.GetStreamingChatMessageContentsAsync(history, settings, kernel, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                return (chunks, await chunks.MoveNextAsync());
            }
            catch (Exception ex) when (RateLimited(ex) is { } response && !_retried)
            {
                await chunks.DisposeAsync();
                var wait = RetryAfter(response) ?? DefaultWait;
                if (time.GetUtcNow() + wait >= deadline)
                {
                    throw;
                }

                _retried = true;
                await Task.Delay(wait, time, cancellationToken);
            }
            catch
            {
                await chunks.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>The HTTP 429 response behind the exception, whether Semantic Kernel wrapped it or not.</summary>
    private static PipelineResponse? RateLimited(Exception ex) =>
        (ex as ClientResultException ?? ex.InnerException as ClientResultException)?.GetRawResponse() is { Status: (int)HttpStatusCode.TooManyRequests } response
            ? response
            : null;

    /// <summary>OpenAI sends retry-after-ms and Retry-After (seconds or an HTTP date).</summary>
    private TimeSpan? RetryAfter(PipelineResponse response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at - time.GetUtcNow() : null;
    }
}
