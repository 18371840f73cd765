using Microsoft.Extensions.Logging;
using Polly;

namespace StudyBot.Teams.Authentication;

/// <summary>
/// The signing keys of one OpenID metadata document, refreshed every <see cref="RefreshInterval"/>. A key id
/// that is not cached triggers one refresh, at most once per <see cref="UnknownKeyRefreshInterval"/>, so a
/// rotated key is picked up at once while a stream of made-up key ids cannot flood the metadata server.
/// </summary>
internal sealed partial class SigningKeyCache(
    string metadataUrl,
    Func<OpenIdDocumentClient> client,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;
    private DateTimeOffset _lastUnknownKeyRefresh = DateTimeOffset.MinValue;

    public string MetadataUrl => metadataUrl;

    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() >= snapshot.RefreshAt)
        {
            snapshot = await RefreshAsync(snapshot, unknownKey: null, cancellationToken);
        }

        if (snapshot.Keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        snapshot = await RefreshAsync(snapshot, keyId, cancellationToken);
        return snapshot.Keys.GetValueOrDefault(keyId);
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<Snapshot> RefreshAsync(Snapshot? seen, string? unknownKey, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_snapshot is { } current && !ReferenceEquals(current, seen))
            {
                return current; // another caller refreshed while this one waited
            }

            if (unknownKey is not null)
            {
                if (now - _lastUnknownKeyRefresh < UnknownKeyRefreshInterval)
                {
                    return seen!;
                }

                _lastUnknownKeyRefresh = now;
                LogUnknownKey(unknownKey, metadataUrl);
            }

            try
            {
                var keys = await client().GetSigningKeysAsync(metadataUrl, cancellationToken);
                LogRefreshed(metadataUrl, keys.Count);
                return _snapshot = new Snapshot(keys, now + RefreshInterval);
            }
            catch (Exception ex) when (seen is not null && IsTransient(ex, cancellationToken))
            {
                // Keep serving the keys we have and try again a little later.
                LogRefreshFailed(ex, metadataUrl);
                return _snapshot = seen with { RefreshAt = now + UnknownKeyRefreshInterval };
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <remarks>A metadata server that hangs ends in the resilience pipeline's timeout (<see cref="ExecutionRejectedException"/>), not in an HTTP error.</remarks>
    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is OpenIdMetadataException or HttpRequestException or ExecutionRejectedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(LogLevel.Information, "Token signed with unknown key id {KeyId}; refreshing keys from {MetadataUrl}")]
    private partial void LogUnknownKey(string keyId, string metadataUrl);

    [LoggerMessage(LogLevel.Information, "Loaded {Count} signing keys from {MetadataUrl}")]
    private partial void LogRefreshed(string metadataUrl, int count);

    [LoggerMessage(LogLevel.Warning, "Refreshing signing keys from {MetadataUrl} failed; keeping the cached keys")]
    private partial void LogRefreshFailed(Exception exception, string metadataUrl);

    private sealed record Snapshot(IReadOnlyDictionary<string, SigningKey> Keys, DateTimeOffset RefreshAt);
}
