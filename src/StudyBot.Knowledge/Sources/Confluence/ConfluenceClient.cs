using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>
/// GETs against one Confluence site with the flavour's credentials. Retries, Retry-After and pacing
/// come from the named client's resilience handler; what still fails becomes a <see cref="ConfluenceApiException"/>.
/// </summary>
internal sealed class ConfluenceClient(HttpClient http, ConfluenceSettings settings)
{
    private const long MaxDownloadBytes = 64L * 1024 * 1024;

    /// <summary>
    /// A URI on the site: <paramref name="path"/> is relative to BaseUrl ("/api/v2/pages"), or, like
    /// v2's <c>_links.next</c>, already starts with BaseUrl's context path ("/wiki/api/v2/pages?cursor=…").
    /// </summary>
    public Uri Resolve(string path)
    {
        var context = settings.BaseUrl.AbsolutePath.TrimEnd('/');
        return context.Length > 0 && path.StartsWith(context + "/", StringComparison.Ordinal)
            ? new Uri(settings.BaseUrl, path)
            : new Uri(settings.Root + path);
    }

    public async Task<T> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var uri = Resolve(path);
        using var response = await SendAsync(uri, "application/json", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("the body is null");
        }
        catch (JsonException ex)
        {
            throw new ConfluenceApiException("GET", uri, response.StatusCode, $"GET {uri} returned malformed JSON: {ex.Message}", ex);
        }
    }

    public async Task<byte[]> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        var uri = Resolve(path);
        using var response = await SendAsync(uri, "*/*", cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var bytes = new MemoryStream();
        var buffer = new byte[81_920];
        for (var read = await stream.ReadAsync(buffer, cancellationToken); read > 0; read = await stream.ReadAsync(buffer, cancellationToken))
        {
            if (bytes.Length + read > MaxDownloadBytes)
            {
                throw new DocumentReadException($"attachment is larger than {MaxDownloadBytes / 1024 / 1024} MB");
            }

            bytes.Write(buffer, 0, read);
        }

        return bytes.ToArray();
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, string accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = settings.Authorization;
        request.Headers.Accept.ParseAdd(accept);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ConfluenceApiException("GET", uri, null, $"GET {uri} failed: {ex.Message}", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = response.StatusCode;
        response.Dispose();
        var hint = status switch
        {
            HttpStatusCode.Unauthorized => settings.Flavor == ConfluenceFlavor.Cloud
                ? ": Confluence refused the credentials (check Email and ApiToken)"
                : ": Confluence refused the credentials (check PersonalAccessToken)",
            HttpStatusCode.Forbidden => ": the credentials may not read this content",
            HttpStatusCode.NotFound => ": not found (deleted, or not visible to the credentials)",
            _ => "",
        };
        throw new ConfluenceApiException("GET", uri, status, $"GET {uri} answered {(int)status} {status}{hint}");
    }
}
