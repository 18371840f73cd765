using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace StudyBot.Teams.Authentication;

/// <summary>Fetches an OpenID metadata document and the JWK set it points to, endorsements included.</summary>
internal sealed class OpenIdDocumentClient(HttpClient http)
{
    public const string HttpClientName = "StudyBot.Teams.OpenId";

    public async Task<IReadOnlyDictionary<string, SigningKey>> GetSigningKeysAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(new Uri(metadataUrl), cancellationToken);
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var keysUrl))
        {
            throw new OpenIdMetadataException($"{metadataUrl} has no absolute 'jwks_uri'.");
        }

        using var keySet = await GetJsonAsync(keysUrl, cancellationToken);
        if (!keySet.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new OpenIdMetadataException($"{keysUrl} has no 'keys' array.");
        }

        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var element in keys.EnumerateArray())
        {
            var key = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA)
            {
                continue;
            }

            result[key.Kid] = new SigningKey(key, Endorsements(element));
        }

        return result;
    }

    private static HashSet<string>? Endorsements(JsonElement key)
    {
        if (!key.TryGetProperty("endorsements", out var endorsements) || endorsements.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return endorsements.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new OpenIdMetadataException($"GET {url} answered {(int)response.StatusCode}.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new OpenIdMetadataException($"GET {url} did not return JSON: {ex.Message}");
        }
    }
}
