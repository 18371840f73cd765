using System.Text;
using System.Text.Json;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>
/// Turns a page's block tree into Markdown that keeps Notion's headings (the chunker cuts at them):
/// paragraphs, headings, lists, to-dos, toggles, quotes, callouts, code, equations, tables,
/// bookmarks and links; columns and synced blocks contribute their content in place.
/// </summary>
internal static class NotionMarkdown
{
    public static string Render(IReadOnlyList<NotionBlock> blocks)
    {
        var markdown = new StringBuilder();
        Write(blocks, "", markdown);
        return markdown.ToString().Trim('\n') + "\n";
    }

    private static void Write(IReadOnlyList<NotionBlock> blocks, string prefix, StringBuilder markdown)
    {
        var number = 0;
        foreach (var block in blocks)
        {
            number = block.Type == "numbered_list_item" ? number + 1 : 0;
            WriteBlock(block, prefix, number, markdown);
        }
    }

    private static void WriteBlock(NotionBlock block, string prefix, int number, StringBuilder markdown)
    {
        var text = RichText.Markdown(block.Property("rich_text"));
        switch (block.Type)
        {
            case "heading_1" or "heading_2" or "heading_3":
                Paragraph(markdown, prefix, new string('#', block.Type[^1] - '0') + " " + RichText.Plain(block.Property("rich_text")).Trim());
                Write(block.Children, prefix, markdown); // a toggleable heading's content
                break;
            case "bulleted_list_item":
                Paragraph(markdown, prefix, "- " + text);
                Write(block.Children, prefix + "  ", markdown);
                break;
            case "numbered_list_item":
                Paragraph(markdown, prefix, $"{number}. {text}");
                Write(block.Children, prefix + "   ", markdown);
                break;
            case "to_do":
                Paragraph(markdown, prefix, (block.Property("checked").ValueKind == JsonValueKind.True ? "- [x] " : "- [ ] ") + text);
                Write(block.Children, prefix + "  ", markdown);
                break;
            case "quote":
                Paragraph(markdown, prefix + "> ", text);
                Write(block.Children, prefix + "> ", markdown);
                break;
            case "callout":
                var icon = block.Property("icon") is { ValueKind: JsonValueKind.Object } i && i.TryGetProperty("emoji", out var emoji) ? emoji.GetString() + " " : "";
                Paragraph(markdown, prefix + "> ", icon + text);
                Write(block.Children, prefix + "> ", markdown);
                break;
            case "code":
                Paragraph(markdown, prefix, $"```{block.Text("language")}\n{RichText.Plain(block.Property("rich_text"))}\n```");
                Paragraph(markdown, prefix, RichText.Markdown(block.Property("caption")));
                break;
            case "equation":
                Paragraph(markdown, prefix, $"$$\n{block.Text("expression")}\n$$");
                break;
            case "divider":
                Paragraph(markdown, prefix, "---");
                break;
            case "table":
                Table(block, prefix, markdown);
                break;
            case "bookmark" or "embed" or "link_preview":
                Link(block, prefix, markdown, block.Text("url"));
                break;
            case "image" or "video" or "audio" or "file" or "pdf":
                // Notion-hosted files come with signed URLs that expire within the hour: keep only external links.
                Link(block, prefix, markdown, block.Property("external") is { ValueKind: JsonValueKind.Object } external && external.TryGetProperty("url", out var url) ? url.GetString() : null);
                break;
            case "child_page":
                Paragraph(markdown, prefix, $"[{block.Text("title")}]({NotionIds.UrlOf(block.Json.GetProperty("id").GetString()!)})");
                break;
            case "child_database":
                Paragraph(markdown, prefix, block.Text("title") ?? "");
                break;
            case "link_to_page":
                var target = block.Text(block.Text("type") ?? "page_id");
                Paragraph(markdown, prefix, target is null ? "" : $"<{NotionIds.UrlOf(target)}>");
                break;
            default:
                // paragraph, toggle, column_list, column, synced_block, template and types added later.
                Paragraph(markdown, prefix, text);
                Write(block.Children, prefix, markdown);
                break;
        }
    }

    private static void Table(NotionBlock table, string prefix, StringBuilder markdown)
    {
        var rows = table.Children.Where(r => r.Type == "table_row")
            .Select(r => r.Property("cells").EnumerateArray().Select(c => Cell(RichText.Markdown(c))).ToList())
            .Where(cells => cells.Count > 0)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var width = rows.Max(r => r.Count);
        var lines = new List<string> { Row(rows[0], width), Row(Enumerable.Repeat("---", width).ToList(), width) };
        lines.AddRange(rows.Skip(1).Select(r => Row(r, width)));
        Paragraph(markdown, prefix, string.Join('\n', lines));
    }

    private static string Row(List<string> cells, int width) =>
        "| " + string.Join(" | ", cells.Concat(Enumerable.Repeat("", width - cells.Count))) + " |";

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Trim();

    private static void Link(NotionBlock block, string prefix, StringBuilder markdown, string? url)
    {
        var caption = RichText.Markdown(block.Property("caption")).Trim();
        Paragraph(markdown, prefix, (caption, url) switch
        {
            (_, null or "") => caption,
            ("", _) => $"<{url}>",
            _ => $"[{caption}]({url})",
        });
    }

    /// <summary>Writes a block's lines, each with the prefix of the blocks it sits in, after a blank line.</summary>
    private static void Paragraph(StringBuilder markdown, string prefix, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        markdown.Append(prefix.TrimEnd()).Append('\n');
        foreach (var line in text.Split('\n'))
        {
            markdown.Append(prefix).Append(line).Append('\n');
        }
    }
}
