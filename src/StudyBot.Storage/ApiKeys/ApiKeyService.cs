using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace StudyBot.Storage.ApiKeys;

/// <summary>Issues, lists, revokes and checks API keys. The key is shown once; only its SHA-256 hash is stored.</summary>
public sealed class ApiKeyService(AppStore store, TimeProvider time)
{
    private const string Prefix = "sb_";

    public async Task<(ApiKeyEntity Key, string Secret)> CreateAsync(string name, int perMinuteLimit, CancellationToken cancellationToken)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiKeyEntity
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N")[..16],
            Name = name,
            KeyHash = Hash(secret),
            PerMinuteLimit = perMinuteLimit,
            CreatedAt = time.GetUtcNow(),
        };
        await using var context = store.CreateContext();
        context.ApiKeys.Add(entity);
        await context.SaveChangesAsync(cancellationToken);
        return (entity, secret);
    }

    public async Task<IReadOnlyList<ApiKeyEntity>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var context = store.CreateContext();
        return await context.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken) == 1;
    }

    /// <summary>The live key matching <paramref name="secret"/>, or null (unknown or revoked).</summary>
    public async Task<ApiKeyEntity?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Hash(secret);
        await using var context = store.CreateContext();
        return await context.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    public async Task RecordUseAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var context = store.CreateContext();
        await context.ApiKeys.Where(k => k.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.UsageCount, k => k.UsageCount + 1).SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
