using System.Net;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>
/// Decides whether a page lies below one of the configured root pages by walking its parents
/// (pages, blocks such as toggles or columns, data sources and databases). Parents seen in the
/// listing cost nothing; others are fetched once per listing.
/// </summary>
internal sealed class NotionAncestry(NotionClient client, IReadOnlySet<string> roots)
{
    private const int MaxHops = 64;
    private readonly Dictionary<string, NotionParent> _parents = new(StringComparer.Ordinal);

    public void Know(NotionPage page) => _parents[NotionIds.Normalize(page.Id)] = page.Parent;

    public async Task<bool> IsBelowRootAsync(NotionPage page, CancellationToken cancellationToken)
    {
        var parent = page.Parent;
        for (var hop = 0; hop < MaxHops && parent is { Type: not "workspace", Id: { } id }; hop++)
        {
            var key = NotionIds.Normalize(id);
            if (roots.Contains(key))
            {
                return true;
            }

            if (!_parents.TryGetValue(key, out var next))
            {
                next = await FetchParentAsync(parent, cancellationToken);
                _parents[key] = next;
            }

            parent = next;
        }

        return false;
    }

    private async Task<NotionParent> FetchParentAsync(NotionParent parent, CancellationToken cancellationToken)
    {
        try
        {
            return parent.Type switch
            {
                "page_id" => NotionParent.From(await client.GetPageAsync(parent.Id!, cancellationToken)),
                "block_id" => NotionParent.From(await client.GetBlockAsync(parent.Id!, cancellationToken)),
                "data_source_id" => NotionParent.From(await client.GetDataSourceAsync(parent.Id!, cancellationToken), "database_parent"),
                "database_id" => NotionParent.From(await client.GetDatabaseAsync(parent.Id!, cancellationToken)),
                _ => Unreachable,
            };
        }
        catch (NotionApiException ex) when (ex.Status is HttpStatusCode.NotFound)
        {
            return Unreachable; // a parent not shared with the integration: the page is not below a root we can see
        }
    }

    private static NotionParent Unreachable => new("workspace", null);
}
