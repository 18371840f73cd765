using Microsoft.AspNetCore.Http;

namespace StudyBot.Adapters.Intake;

/// <summary>Reads a webhook's raw body, refusing anything larger than the platform ever sends before reading it all.</summary>
public static class BoundedBody
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/> (answer 413).</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
