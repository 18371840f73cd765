using System.Net;
using System.Runtime.CompilerServices;
using StudyBot.Knowledge.Configuration;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>
/// The pages a Notion source covers, from listing calls only: every row of the configured data
/// sources, the configured root pages and every page below them, or, with no roots configured,
/// everything shared with the integration (search).
/// </summary>
internal sealed class NotionListing(NotionClient client, SourceOptions options)
{
    public async IAsyncEnumerable<NotionPage> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (options.PageIds.Count == 0 && options.DataSourceIds.Count == 0)
        {
            await foreach (var json in client.SearchPagesAsync(cancellationToken))
            {
                yield return NotionPage.From(json);
            }

            yield break;
        }

        foreach (var dataSource in options.DataSourceIds)
        {
            await foreach (var json in client.QueryDataSourceAsync(NotionIds.Normalize(dataSource), cancellationToken))
            {
                yield return NotionPage.From(json);
            }
        }

        if (options.PageIds.Count == 0)
        {
            yield break;
        }

        var roots = options.PageIds.Select(NotionIds.Normalize).ToHashSet(StringComparer.Ordinal);
        var ancestry = new NotionAncestry(client, roots);
        foreach (var root in options.PageIds)
        {
            if (await TryGetPageAsync(root, cancellationToken) is { } page)
            {
                ancestry.Know(page);
                yield return page;
            }
        }

        // Pages below the roots: search lists every shared page with its parent in a few calls.
        var shared = new List<NotionPage>();
        await foreach (var json in client.SearchPagesAsync(cancellationToken))
        {
            var page = NotionPage.From(json);
            ancestry.Know(page);
            shared.Add(page);
        }

        foreach (var page in shared)
        {
            if (!roots.Contains(NotionIds.Normalize(page.Id)) && await ancestry.IsBelowRootAsync(page, cancellationToken))
            {
                yield return page;
            }
        }
    }

    /// <summary>A configured root page; null when it is no longer shared or was deleted, so its documents leave the index.</summary>
    private async Task<NotionPage?> TryGetPageAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return NotionPage.From(await client.GetPageAsync(NotionIds.Normalize(id), cancellationToken));
        }
        catch (NotionApiException ex) when (ex.Status is HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
