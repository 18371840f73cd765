using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

public sealed class SigningKeyCacheTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private OpenIdAuthority _authority = null!;
    private IHost _services = null!;

    private SigningKeyCache Cache => _services.Services.GetRequiredService<SigningKeyStore>().BotFramework;

    public async Task InitializeAsync()
    {
        _authority = await OpenIdAuthority.StartBotFrameworkAsync();
        _services = TeamsServices.Build(_time, TeamsServices.Settings(_authority, null));
    }

    public async Task DisposeAsync()
    {
        _services.Dispose();
        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task Find_PublishedKey_ReadsItsEndorsementsFromTheJwkSet()
    {
        var key = await Cache.FindAsync(_authority.DefaultKey.KeyId, CancellationToken.None);

        Assert.NotNull(key);
        Assert.Equal(["directline", "msteams", "skype", "webchat"], key.Endorsements!.Order());
        Assert.Equal(_authority.DefaultKey.Thumbprint, key.Key.X5t);
    }

    [Fact]
    public async Task Find_RepeatedWithinTheRefreshInterval_FetchesTheKeysOnce()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.NotNull(await Cache.FindAsync(_authority.DefaultKey.KeyId, CancellationToken.None));
            _time.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.Equal(1, _authority.KeyRequests);
    }

    [Fact]
    public async Task Find_AfterTheRefreshInterval_FetchesAgain()
    {
        await Cache.FindAsync(_authority.DefaultKey.KeyId, CancellationToken.None);
        _time.Advance(SigningKeyCache.RefreshInterval);

        await Cache.FindAsync(_authority.DefaultKey.KeyId, CancellationToken.None);

        Assert.Equal(2, _authority.KeyRequests);
    }

    [Fact]
    public async Task Find_UnknownKeyIds_RefreshAtMostOncePerInterval()
    {
        await Cache.FindAsync(_authority.DefaultKey.KeyId, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Cache.FindAsync($"made-up-{i}", CancellationToken.None)));
        Assert.Equal(2, _authority.KeyRequests);

        _time.Advance(SigningKeyCache.UnknownKeyRefreshInterval);
        Assert.Null(await Cache.FindAsync("made-up-again", CancellationToken.None));
        Assert.Equal(3, _authority.KeyRequests);
    }

    [Fact]
    public async Task Find_MetadataServerDownAtRefresh_KeepsServingTheCachedKeys()
    {
        await Cache.FindAsync(_authority.DefaultKey.KeyId, CancellationToken.None);
        var keyId = _authority.DefaultKey.KeyId;
        await _authority.DisposeAsync();
        _time.Advance(SigningKeyCache.RefreshInterval);

        Assert.NotNull(await WithRetryDelaysElapsedAsync(Cache.FindAsync(keyId, CancellationToken.None)));
    }

    [Fact]
    public async Task Find_MetadataServerDownAtFirstUse_Throws()
    {
        await _authority.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => WithRetryDelaysElapsedAsync(Cache.FindAsync("any", CancellationToken.None)));
    }

    /// <summary>The resilience handler waits between retries on the injected clock: let that fake time pass.</summary>
    private async Task<T> WithRetryDelaysElapsedAsync<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(task, Task.Delay(20));
        }

        return await task;
    }
}
