using System.Globalization;
using System.Text.Json;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>What StudyBot reads from a Notion page object: identity, title, link, edit time, parent and whether it is gone.</summary>
internal sealed record NotionPage(string Id, string Title, string Url, DateTimeOffset LastEdited, string LastEditedText, NotionParent Parent, bool Gone)
{
    public static NotionPage From(JsonElement page)
    {
        var id = page.GetProperty("id").GetString() ?? throw new JsonException("a page without an id");
        var edited = page.GetProperty("last_edited_time").GetString() ?? throw new JsonException("a page without last_edited_time");
        var url = page.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : NotionIds.UrlOf(id);
        var gone = IsTrue(page, "in_trash") || IsTrue(page, "archived") || IsTrue(page, "is_archived");
        return new NotionPage(id, TitleOf(page), url, DateTimeOffset.Parse(edited, CultureInfo.InvariantCulture), edited,
            NotionParent.From(page), gone);
    }

    public static bool IsTrue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The page's title property (every page has exactly one, whatever its name in a database).</summary>
    private static string TitleOf(JsonElement page)
    {
        if (page.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.TryGetProperty("type", out var type) && type.GetString() == "title"
                    && property.Value.TryGetProperty("title", out var title)
                    && RichText.Plain(title) is { Length: > 0 } text)
                {
                    return text.Trim();
                }
            }
        }

        return "Untitled";
    }
}

/// <summary>A page's, block's or data source's parent: its type (page_id, block_id, data_source_id, database_id, workspace) and id.</summary>
internal sealed record NotionParent(string Type, string? Id)
{
    public static NotionParent From(JsonElement item, string property = "parent")
    {
        if (!item.TryGetProperty(property, out var parent) || parent.ValueKind != JsonValueKind.Object
            || !parent.TryGetProperty("type", out var typeElement) || typeElement.GetString() is not { } type)
        {
            return new NotionParent("workspace", null);
        }

        return new NotionParent(type, parent.TryGetProperty(type, out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
    }
}
