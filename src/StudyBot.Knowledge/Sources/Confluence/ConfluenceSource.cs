using System.Runtime.CompilerServices;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Sources.Pdf;

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>
/// The pages (and optionally PDF attachments) of Confluence spaces. Listing reads only the paged
/// listings, whose version numbers make the content hash, so the pipeline fetches just the pages
/// that changed; pages gone from the listing (deleted, trashed, filtered out) are removed by it.
/// </summary>
public sealed class ConfluenceSource(string name, ConfluenceSettings settings, IHttpClientFactory httpClients) : IKnowledgeSource
{
    /// <summary>Pace of one source's requests; Confluence Cloud publishes no fixed rate for API-token traffic.</summary>
    public const double RequestsPerSecond = 10;

    // What the last listing saw (title paths, spaces, download links), read by LoadAsync in the same run.
    private IReadOnlyDictionary<string, ListedContent> _listed = new Dictionary<string, ListedContent>();

    public string Name => name;

    public string Type => "Confluence";

    public static string HttpClientName(string source) => "confluence:" + source;

    public async IAsyncEnumerable<SourceItem> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = Client();
        var listed = settings.Flavor == ConfluenceFlavor.Cloud && !settings.UsesCql
            ? await CloudPageListing.ListAsync(client, settings, cancellationToken)
            : await ContentListing.ListPagesAsync(client, settings, cancellationToken);
        if (settings.IncludePdfAttachments)
        {
            var pageIds = listed.Select(l => l.Item.Id).ToHashSet(StringComparer.Ordinal);
            listed.AddRange(await ContentListing.ListPdfAttachmentsAsync(client, settings, pageIds, cancellationToken));
        }

        _listed = listed.DistinctBy(l => l.Item.Id).ToDictionary(l => l.Item.Id, StringComparer.Ordinal);
        foreach (var content in _listed.Values.OrderBy(c => c.Item.Id, StringComparer.Ordinal))
        {
            yield return content.Item;
        }
    }

    public async Task<SourceDocument> LoadAsync(SourceItem item, CancellationToken cancellationToken)
    {
        _listed.TryGetValue(item.Id, out var listed);
        if (item.Id.StartsWith(ListedContent.AttachmentPrefix, StringComparison.Ordinal))
        {
            if (listed?.DownloadPath is null)
            {
                throw new DocumentReadException("attachment is not in this run's listing");
            }

            var bytes = await Client().DownloadAsync(listed.DownloadPath, cancellationToken);
            var (_, pages) = PdfReader.Read(bytes);
            return new SourceDocument(item, listed.Title, pages);
        }

        return settings.Flavor == ConfluenceFlavor.Cloud
            ? await LoadCloudPageAsync(item, listed, cancellationToken)
            : await LoadDataCenterPageAsync(item, cancellationToken);
    }

    private async Task<SourceDocument> LoadCloudPageAsync(SourceItem item, ListedContent? listed, CancellationToken cancellationToken)
    {
        var page = await Client().GetJsonAsync($"/api/v2/pages/{Uri.EscapeDataString(item.Id)}?body-format=storage", ConfluenceJson.Default.V2Page, cancellationToken);
        var titlePath = listed?.TitlePath ?? [];
        return Document(item, page.Status, page.Title, page.Version, titlePath, listed?.SpaceKey, page.Body);
    }

    private async Task<SourceDocument> LoadDataCenterPageAsync(SourceItem item, CancellationToken cancellationToken)
    {
        var page = await Client().GetJsonAsync(
            $"/rest/api/content/{Uri.EscapeDataString(item.Id)}?expand=body.storage,version,ancestors,space", ConfluenceJson.Default.V1Content, cancellationToken);
        var titlePath = (page.Ancestors ?? []).Where(a => a.Type == "page").Select(a => a.Title).ToList();
        return Document(item, page.Status, page.Title, page.Version, titlePath, page.Space?.Key, page.Body);
    }

    private SourceDocument Document(
        SourceItem item, string? status, string title, WireVersion? version, IReadOnlyList<string> titlePath, string? spaceKey, WireBody? body)
    {
        if (status is not (null or "current"))
        {
            throw new DocumentReadException($"page is {status}");
        }

        var storage = body?.Storage?.Value ?? throw new DocumentReadException("Confluence sent the page without its storage-format body");
        var converter = new StorageFormatConverter((space, pageTitle) => PageUrl(space ?? spaceKey, pageTitle));
        var markdown = TitlePathMarkdown.Nest([.. titlePath, title], converter.Convert(storage));
        var current = item with { ContentHash = ListedContent.Hash(version, title, titlePath) };
        return new SourceDocument(current, title, [new DocumentPart(markdown)]);
    }

    // /display/{space}/{title} resolves a page by title on Cloud and Data Center alike.
    private string PageUrl(string? spaceKey, string title) => spaceKey is null
        ? $"{settings.Root}/dosearchsite.action?queryString={Uri.EscapeDataString(title)}"
        : $"{settings.Root}/display/{Uri.EscapeDataString(spaceKey)}/{Uri.EscapeDataString(title).Replace("%20", "+", StringComparison.Ordinal)}";

    private ConfluenceClient Client() => new(httpClients.CreateClient(HttpClientName(name)), settings);
}
