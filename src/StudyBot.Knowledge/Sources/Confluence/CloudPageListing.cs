namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>
/// Confluence Cloud's REST v2 listing: the spaces' ids by key, then every current page of those
/// spaces with its version, following the <c>_links.next</c> cursor. Title paths come from the
/// listed pages' parent ids, so no page is fetched to learn where it sits.
/// </summary>
internal static class CloudPageListing
{
    private const int PageSize = 250;

    public static async Task<List<ListedContent>> ListAsync(ConfluenceClient client, ConfluenceSettings settings, CancellationToken cancellationToken)
    {
        var spaces = new List<V2Space>();
        string? next = $"/api/v2/spaces?keys={string.Join(',', settings.SpaceKeys.Select(Uri.EscapeDataString))}&limit={PageSize}";
        while (next is not null)
        {
            var batch = await client.GetJsonAsync(next, ConfluenceJson.Default.V2SpaceList, cancellationToken);
            spaces.AddRange(batch.Results);
            next = batch.Links?.Next;
        }

        var missing = settings.SpaceKeys.Where(key => !spaces.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"space {string.Join(", ", missing)} was not found on {settings.BaseUrl} or is not visible to the credentials");
        }

        var pages = new List<V2Page>();
        next = $"/api/v2/pages?space-id={string.Join(',', spaces.Select(s => Uri.EscapeDataString(s.Id)))}&status=current&limit={PageSize}";
        while (next is not null)
        {
            var batch = await client.GetJsonAsync(next, ConfluenceJson.Default.V2PageList, cancellationToken);
            pages.AddRange(batch.Results.Where(p => p.Status is null or "current"));
            next = batch.Links?.Next;
        }

        var byId = pages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var keyOfSpace = spaces.ToDictionary(s => s.Id, s => s.Key, StringComparer.Ordinal);
        return pages
            .Select(p => ListedContent.Page(settings, p.Id, p.Title, p.Version, p.Links?.Webui, TitlePathOf(p, byId),
                p.SpaceId is { } space && keyOfSpace.TryGetValue(space, out var key) ? key : null))
            .ToList();
    }

    /// <summary>Titles of the listed ancestors, top first; stops at a parent that is not a listed page (a folder, another space).</summary>
    private static List<string> TitlePathOf(V2Page page, Dictionary<string, V2Page> byId)
    {
        var path = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { page.Id };
        for (var parentId = page.ParentId; parentId is not null && seen.Add(parentId) && byId.TryGetValue(parentId, out var parent); parentId = parent.ParentId)
        {
            path.Add(parent.Title);
        }

        path.Reverse();
        return path;
    }
}
