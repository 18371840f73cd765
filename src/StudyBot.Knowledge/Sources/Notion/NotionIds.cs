namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>Notion ids come dashed from the API and undashed from page URLs; compare them in one form.</summary>
internal static class NotionIds
{
    public static string Normalize(string id)
    {
        // A pasted page URL ends with "Title-<32 hex>"; the id is that tail.
        var path = id.Trim().Split('?', '#')[0];
        var compact = path.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Length > 32 ? compact[^32..] : compact;
    }

    public static bool IsValid(string id) => Normalize(id) is { Length: 32 } compact && compact.All(char.IsAsciiHexDigitLower);

    public static string UrlOf(string id) => "https://www.notion.so/" + Normalize(id);
}
