using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Teams.Configuration;

namespace StudyBot.Teams.Authentication;

/// <summary>The key caches of the Bot Framework metadata and, for single-tenant bots, the tenant's Entra metadata.</summary>
internal sealed class SigningKeyStore : IDisposable
{
    public SigningKeyStore(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<SigningKeyCache> logger)
    {
        OpenIdDocumentClient Client() => new(http.CreateClient(OpenIdDocumentClient.HttpClientName));
        var settings = options.Value;
        BotFramework = new SigningKeyCache(settings.OpenIdMetadataUrl, Client, time, logger);
        Entra = settings.ResolvedEntraMetadataUrl is { } entra ? new SigningKeyCache(entra, Client, time, logger) : null;
    }

    public SigningKeyCache BotFramework { get; }

    /// <summary>Null unless a tenant is configured.</summary>
    public SigningKeyCache? Entra { get; }

    public void Dispose()
    {
        BotFramework.Dispose();
        Entra?.Dispose();
    }
}
