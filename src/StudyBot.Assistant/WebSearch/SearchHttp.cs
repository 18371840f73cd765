using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StudyBot.Assistant.WebSearch;

/// <summary>The send-and-read step the search clients share: errors become <see cref="WebSearchException"/>.</summary>
internal static partial class SearchHttp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> SendAsync<T>(HttpClient http, HttpRequestMessage request, string provider, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new WebSearchException(provider, request.Method, request.RequestUri, response.StatusCode, body.Length > 200 ? body[..200] : body);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new WebSearchException(provider, request.Method, request.RequestUri, response.StatusCode, "The body was empty.");
    }

    /// <summary>Brave highlights matches with &lt;strong&gt;; the model and the reply want plain text.</summary>
    public static string PlainText(string? html) =>
        string.IsNullOrEmpty(html) ? "" : System.Net.WebUtility.HtmlDecode(Tag().Replace(html, "")).Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
