using System.Net;
using System.Text.Json;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>
/// Reads a page's blocks and, recursively, their children (toggles, columns, lists, tables, synced
/// blocks). Child pages and child databases are not descended into: every page is a document of its own.
/// </summary>
internal sealed class NotionBlockTree(NotionClient client)
{
    private const int MaxDepth = 32;

    public Task<List<NotionBlock>> ReadAsync(string pageId, CancellationToken cancellationToken) =>
        ChildrenAsync(pageId, 0, cancellationToken);

    private async Task<List<NotionBlock>> ChildrenAsync(string parentId, int depth, CancellationToken cancellationToken)
    {
        var blocks = new List<NotionBlock>();
        await foreach (var json in client.ListChildrenAsync(parentId, cancellationToken))
        {
            if (NotionPage.IsTrue(json, "in_trash") || NotionPage.IsTrue(json, "archived")
                || !json.TryGetProperty("type", out var typeElement) || typeElement.GetString() is not { } type)
            {
                continue;
            }

            var children = depth < MaxDepth && ChildrenOf(json, type) is { } childrenId
                ? await NestedChildrenAsync(childrenId, depth, cancellationToken)
                : [];
            blocks.Add(new NotionBlock(type, json, children));
        }

        return blocks;
    }

    /// <summary>Where a block's children are read from; null when it has none to read here.</summary>
    private static string? ChildrenOf(JsonElement block, string type)
    {
        if (type is "child_page" or "child_database")
        {
            return null;
        }

        // A duplicate synced block shows the original's content; read it from the original.
        if (type == "synced_block" && block.GetProperty(type).TryGetProperty("synced_from", out var from)
            && from.ValueKind == JsonValueKind.Object && from.TryGetProperty("block_id", out var original))
        {
            return original.GetString();
        }

        return NotionPage.IsTrue(block, "has_children") ? block.GetProperty("id").GetString() : null;
    }

    private async Task<List<NotionBlock>> NestedChildrenAsync(string blockId, int depth, CancellationToken cancellationToken)
    {
        try
        {
            return await ChildrenAsync(blockId, depth + 1, cancellationToken);
        }
        catch (NotionApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            // A synced block's original on a page not shared with the integration, or a block deleted meanwhile.
            return [];
        }
    }
}
