using System.ClientModel;
using System.Globalization;
using System.Net;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace StudyBot.Assistant.Answering.Generative;

/// <summary>One chat completion request; HTTP 429 is retried once after its Retry-After when the deadline leaves room for it.</summary>
internal sealed class ModelCall(IChatCompletionService completion, TimeProvider time, DateTimeOffset deadline)
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);
    private bool _retried;

    public async Task<ChatMessageContent> SendAsync(ChatHistory history, PromptExecutionSettings settings, Kernel kernel, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await completion.GetChatMessageContentAsync(history, settings, kernel, cancellationToken);
            }
            catch (HttpOperationException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests && !_retried)
            {
                var wait = RetryAfter(ex) ?? DefaultWait;
                if (time.GetUtcNow() + wait >= deadline)
                {
                    throw;
                }

                _retried = true;
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    /// <summary>OpenAI sends retry-after-ms and Retry-After (seconds or an HTTP date).</summary>
    private TimeSpan? RetryAfter(HttpOperationException ex)
    {
        var response = (ex.InnerException as ClientResultException)?.GetRawResponse();
        if (response is null)
        {
            return null;
        }

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
