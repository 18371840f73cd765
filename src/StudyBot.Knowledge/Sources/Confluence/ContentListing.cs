using System.Runtime.CompilerServices;

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>
/// The REST v1 content listings: Data Center's pages of each space (start/limit, following
/// <c>_links.next</c>), and CQL content search on both flavours for a Cql or Labels filter and
/// for PDF attachments. Versions and ancestors come expanded, so nothing is fetched per page.
/// </summary>
internal static class ContentListing
{
    private const int PageSize = 100;
    private const string Expand = "version,ancestors,space";

    public static async Task<List<ListedContent>> ListPagesAsync(ConfluenceClient client, ConfluenceSettings settings, CancellationToken cancellationToken)
    {
        var paths = settings.UsesCql
            ? [SearchPath(PageCql(settings), Expand)]
            : settings.SpaceKeys.Select(key =>
                $"/rest/api/content?spaceKey={Uri.EscapeDataString(key)}&type=page&status=current&expand={Expand}&start=0&limit={PageSize}");
        var listed = new List<ListedContent>();
        foreach (var path in paths)
        {
            await foreach (var page in ReadAllAsync(client, path, cancellationToken))
            {
                if (page.Type == "page" && page.Status is null or "current")
                {
                    var titlePath = (page.Ancestors ?? []).Where(a => a.Type == "page").Select(a => a.Title).ToList();
                    listed.Add(ListedContent.Page(settings, page.Id, page.Title, page.Version, page.Links?.Webui, titlePath, page.Space?.Key));
                }
            }
        }

        return listed;
    }

    /// <summary>The PDF attachments of the listed pages.</summary>
    public static async Task<List<ListedContent>> ListPdfAttachmentsAsync(
        ConfluenceClient client, ConfluenceSettings settings, IReadOnlySet<string> pageIds, CancellationToken cancellationToken)
    {
        var cql = $"type = attachment AND space in ({Quoted(settings.SpaceKeys)})";
        var listed = new List<ListedContent>();
        await foreach (var attachment in ReadAllAsync(client, SearchPath(cql, "version,container,space"), cancellationToken))
        {
            var isPdf = attachment.Extensions?.MediaType == "application/pdf"
                || attachment.Title.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
            if (isPdf && attachment.Container?.Id is { } page && pageIds.Contains(page) && attachment.Links?.Download is { } download)
            {
                listed.Add(ListedContent.Attachment(settings, attachment, download));
            }
        }

        return listed;
    }

    internal static string PageCql(ConfluenceSettings settings)
    {
        var cql = $"type = page AND space in ({Quoted(settings.SpaceKeys)})";
        if (settings.Labels.Count > 0)
        {
            cql += $" AND label in ({Quoted(settings.Labels)})";
        }

        return settings.Cql is { } filter ? $"{cql} AND ({filter})" : cql;
    }

    private static string SearchPath(string cql, string expand) =>
        $"/rest/api/content/search?cql={Uri.EscapeDataString(cql)}&expand={expand}&limit={PageSize}";

    private static string Quoted(IEnumerable<string> values) => string.Join(",", values.Select(v => $"\"{v}\""));

    private static async IAsyncEnumerable<V1Content> ReadAllAsync(
        ConfluenceClient client, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (string? next = path; next is not null;)
        {
            var batch = await client.GetJsonAsync(next, ConfluenceJson.Default.V1ContentList, cancellationToken);
            foreach (var content in batch.Results)
            {
                yield return content;
            }

            next = batch.Results.Count == 0 ? null : batch.Links?.Next;
        }
    }
}
