using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using StudyBot.Knowledge.Sources.Files;

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>
/// Turns Confluence storage format (XHTML with <c>ac:</c> macros and <c>ri:</c> resource
/// identifiers) into the Markdown the chunker reads: headings, paragraphs, lists, task lists,
/// tables, code and noformat blocks, info/note/warning/tip/panel callouts as quotes, expand and
/// other bodied macros inline, links and page links as Markdown links. UI-only macros (table of
/// contents, child lists, includes, images, emoticons) are dropped.
/// </summary>
/// <param name="pageUrl">Web URL of a page from its space key (null = the page's own space) and title.</param>
internal sealed partial class StorageFormatConverter(Func<string?, string, string> pageUrl)
{
    private static readonly XNamespace Ac = "http://atlassian.com/content";
    private static readonly XNamespace Ri = "http://atlassian.com/resource/identifier";
    private static readonly XNamespace At = "http://atlassian.com/template";

    private static readonly HashSet<string> DroppedMacros = new(StringComparer.OrdinalIgnoreCase)
    {
        "toc", "children", "pagetree", "pagetreesearch", "recently-updated", "contentbylabel", "content-report-table",
        "livesearch", "search", "anchor", "attachments", "gallery", "profile", "profile-picture", "space-index", "index",
        "blog-posts", "create-from-template", "create-space-button", "include", "excerpt-include", "view-file", "viewfile",
        "viewpdf", "multimedia", "widget", "network", "popular-labels", "related-labels", "listlabels", "recently-used-labels",
        "page-index", "navmap", "spaces", "space-details", "userlister", "contributors", "contributors-summary", "change-history",
        "roadmap", "iframe", "html", "pagetree2",
    };

    private static readonly HashSet<string> Callouts = new(StringComparer.OrdinalIgnoreCase) { "info", "note", "warning", "tip", "panel" };

    public string Convert(string storage)
    {
        XElement root;
        try
        {
            var xml = $"<root xmlns:ac=\"{Ac}\" xmlns:ri=\"{Ri}\" xmlns:at=\"{At}\">{HtmlEntitiesToNumeric(storage)}</root>";
            root = XElement.Parse(xml, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            // Not well-formed XHTML (hand-edited or migrated content): keep its text rather than lose the page.
            return HtmlConverter.Convert(storage).Markdown;
        }

        var markdown = new StringBuilder();
        WriteBlocks(root, markdown, listDepth: 0);
        return Tidy(markdown.ToString());
    }

    private void WriteBlocks(XElement parent, StringBuilder markdown, int listDepth)
    {
        foreach (var node in parent.Nodes())
        {
            if (node is XText text)
            {
                markdown.Append(Collapse(text.Value));
            }
            else if (node is XElement element)
            {
                WriteElement(element, markdown, listDepth);
            }
        }
    }

    private void WriteElement(XElement element, StringBuilder markdown, int listDepth)
    {
        var name = element.Name;
        if (name.Namespace == Ac || name.Namespace == Ri)
        {
            WriteConfluenceElement(element, markdown, listDepth);
            return;
        }

        switch (name.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var heading = Inline(element);
                if (heading.Length > 0)
                {
                    markdown.Append("\n\n").Append('#', name.LocalName[1] - '0').Append(' ').Append(heading).Append("\n\n");
                }

                break;
            case "p" or "div" or "section" or "article" or "center":
                Block(markdown, () => WriteBlocks(element, markdown, listDepth));
                break;
            case "blockquote":
                markdown.Append("\n\n").Append(Quote(Render(element, listDepth))).Append("\n\n");
                break;
            case "ul" or "ol":
                WriteList(element, markdown, listDepth, ordered: name.LocalName == "ol");
                break;
            case "table":
                markdown.Append("\n\n").Append(Table(element)).Append("\n\n");
                break;
            case "pre":
                markdown.Append("\n\n").Append(Fence(null, element.Value)).Append("\n\n");
                break;
            case "br":
                markdown.Append('\n');
                break;
            case "hr" or "img" or "script" or "style":
                break;
            case "a":
                var href = element.Attribute("href")?.Value;
                markdown.Append(Link(Inline(element), href));
                break;
            case "code":
                markdown.Append('`').Append(element.Value.Trim()).Append('`');
                break;
            case "time":
                markdown.Append(element.Attribute("datetime")?.Value ?? element.Value);
                break;
            default:
                WriteBlocks(element, markdown, listDepth);
                break;
        }
    }

    private void WriteConfluenceElement(XElement element, StringBuilder markdown, int listDepth)
    {
        switch (element.Name.LocalName)
        {
            case "structured-macro" or "macro":
                WriteMacro(element, markdown, listDepth);
                break;
            case "link":
                markdown.Append(ConfluenceLink(element));
                break;
            case "task-list":
                markdown.Append("\n\n");
                foreach (var task in element.Elements(Ac + "task"))
                {
                    var done = string.Equals(task.Element(Ac + "task-status")?.Value.Trim(), "complete", StringComparison.OrdinalIgnoreCase);
                    var body = task.Element(Ac + "task-body") is { } b ? Inline(b) : "";
                    markdown.Append(Indent(listDepth)).Append(done ? "- [x] " : "- [ ] ").Append(body).Append('\n');
                }

                markdown.Append("\n\n");
                break;
            case "adf-extension":
                if (element.Element(Ac + "adf-fallback") is { } fallback)
                {
                    WriteBlocks(fallback, markdown, listDepth);
                }

                break;
            case "image" or "emoticon" or "placeholder" or "parameter" or "task-status" or "adf-attribute" or "structured-macro-body":
                break;
            default:
                if (element.Name.Namespace == Ac)
                {
                    WriteBlocks(element, markdown, listDepth);
                }

                break;
        }
    }

    private void WriteMacro(XElement macro, StringBuilder markdown, int listDepth)
    {
        var name = macro.Attribute(Ac + "name")?.Value ?? "";
        var title = Parameter(macro, "title");
        if (DroppedMacros.Contains(name))
        {
            return;
        }

        switch (name.ToLowerInvariant())
        {
            case "code" or "noformat":
                if (title is not null)
                {
                    markdown.Append("\n\n").Append(title);
                }

                var code = macro.Element(Ac + "plain-text-body")?.Value ?? "";
                markdown.Append("\n\n").Append(Fence(name == "code" ? Parameter(macro, "language") : null, code)).Append("\n\n");
                break;
            case var callout when Callouts.Contains(callout):
                var label = char.ToUpperInvariant(callout[0]) + callout[1..];
                var body = string.Join("\n\n", macro.Elements(Ac + "rich-text-body").Select(b => Render(b, 0)));
                var head = callout == "panel" ? (title is null ? null : $"**{title}**") : $"**{label}:**" + (title is null ? "" : $" {title}");
                markdown.Append("\n\n").Append(Quote(head is null ? body : $"{head}\n\n{body}")).Append("\n\n");
                break;
            case "expand":
                markdown.Append("\n\n").Append(title ?? "Details").Append("\n\n");
                WriteBodies(macro, markdown, listDepth);
                break;
            case "status":
                markdown.Append(title ?? "");
                break;
            case "jira":
                markdown.Append(Parameter(macro, "key") ?? "");
                break;
            default:
                WriteBodies(macro, markdown, listDepth);
                break;
        }
    }

    private void WriteBodies(XElement macro, StringBuilder markdown, int listDepth)
    {
        foreach (var body in macro.Elements(Ac + "rich-text-body"))
        {
            Block(markdown, () => WriteBlocks(body, markdown, listDepth));
        }

        if (macro.Element(Ac + "plain-text-body") is { } plain && plain.Value.Trim().Length > 0)
        {
            markdown.Append("\n\n").Append(plain.Value.Trim()).Append("\n\n");
        }
    }

    private void WriteList(XElement list, StringBuilder markdown, int listDepth, bool ordered)
    {
        markdown.Append(listDepth == 0 ? "\n\n" : "\n");
        var number = 1;
        foreach (var item in list.Elements().Where(e => e.Name.LocalName == "li"))
        {
            var content = new StringBuilder();
            var nested = new StringBuilder();
            foreach (var node in item.Nodes())
            {
                if (node is XElement { Name.LocalName: "ul" or "ol" } sub && sub.Name.Namespace == XNamespace.None)
                {
                    WriteList(sub, nested, listDepth + 1, sub.Name.LocalName == "ol");
                }
                else if (node is XElement element)
                {
                    WriteElement(element, content, listDepth + 1);
                }
                else if (node is XText text)
                {
                    content.Append(Collapse(text.Value));
                }
            }

            var line = Collapse(content.ToString().Replace('\n', ' ')).Trim();
            markdown.Append(Indent(listDepth)).Append(ordered ? $"{number++}. " : "- ").Append(line).Append('\n');
            markdown.Append(nested.ToString().TrimStart('\n'));
        }

        markdown.Append(listDepth == 0 ? "\n\n" : "");
    }

    private string Table(XElement table)
    {
        var rows = table.Descendants().Where(e => e.Name.LocalName == "tr" && e.Ancestors().First(a => a.Name.LocalName == "table") == table).ToList();
        var lines = new List<string>();
        var width = 0;
        foreach (var row in rows)
        {
            var cells = row.Elements().Where(e => e.Name.LocalName is "td" or "th")
                .Select(cell => Collapse(Render(cell, 0).Replace('\n', ' ')).Trim().Replace("|", "\\|", StringComparison.Ordinal))
                .ToList();
            width = Math.Max(width, cells.Count);
            lines.Add("| " + string.Join(" | ", cells) + " |");
        }

        if (lines.Count == 0)
        {
            return "";
        }

        lines.Insert(1, "|" + string.Concat(Enumerable.Repeat(" --- |", Math.Max(width, 1))));
        return string.Join('\n', lines);
    }

    private string ConfluenceLink(XElement link)
    {
        var text = link.Element(Ac + "plain-text-link-body")?.Value.Trim()
            ?? (link.Element(Ac + "link-body") is { } body ? Inline(body) : null);
        if (link.Element(Ri + "page") is { } page)
        {
            var title = page.Attribute(Ri + "content-title")?.Value ?? "";
            return title.Length == 0 ? text ?? "" : Link(string.IsNullOrEmpty(text) ? title : text, pageUrl(page.Attribute(Ri + "space-key")?.Value, title));
        }

        if (link.Element(Ri + "url") is { } url)
        {
            return Link(text ?? "", url.Attribute(Ri + "value")?.Value);
        }

        if (link.Element(Ri + "attachment") is { } attachment)
        {
            return string.IsNullOrEmpty(text) ? attachment.Attribute(Ri + "filename")?.Value ?? "" : text;
        }

        if (link.Element(Ri + "space") is { } space)
        {
            return string.IsNullOrEmpty(text) ? space.Attribute(Ri + "space-key")?.Value ?? "" : text;
        }

        return text ?? link.Attribute(Ac + "anchor")?.Value ?? "";
    }

    private static string Link(string text, string? href)
    {
        text = text.Trim();
        var absolute = Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
        if (!absolute)
        {
            return text;
        }

        return text.Length == 0 ? $"<{href}>" : $"[{text.Replace("]", "\\]", StringComparison.Ordinal)}]({href!.Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)})";
    }

    private string Inline(XElement element) => Collapse(Render(element, 0).Replace('\n', ' ')).Trim();

    private string Render(XElement element, int listDepth)
    {
        var inner = new StringBuilder();
        WriteBlocks(element, inner, listDepth);
        return Tidy(inner.ToString());
    }

    private static string? Parameter(XElement macro, string name) =>
        macro.Elements(Ac + "parameter").FirstOrDefault(p => p.Attribute(Ac + "name")?.Value == name)?.Value.Trim() is { Length: > 0 } value
            ? value
            : null;

    private static void Block(StringBuilder markdown, Action write)
    {
        markdown.Append("\n\n");
        write();
        markdown.Append("\n\n");
    }

    /// <summary>A fenced block; code inside CDATA keeps the storage document's indentation, so what its lines share is removed.</summary>
    private static string Fence(string? language, string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())
            .SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse().ToList();
        var common = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        var body = lines.Select((l, i) => i == 0 ? l.TrimStart() : l.Length >= common ? l[common..] : l.TrimStart());
        return $"```{language}\n{string.Join('\n', body)}\n```";
    }

    private static string Quote(string text) =>
        string.Join('\n', text.Trim().Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));

    private static string Indent(int depth) => new(' ', depth * 2);

    private static string Collapse(string text) => HtmlConverter.Collapse(text);

    /// <summary>Trims each line, keeps at most one blank line between blocks and none at the ends; code fences stay as they are.</summary>
    private static string Tidy(string markdown)
    {
        var lines = new List<string>();
        var inFence = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var isFence = raw.TrimStart().StartsWith("```", StringComparison.Ordinal);
            var line = inFence && !isFence ? raw.TrimEnd() : raw.Trim();
            if (isFence)
            {
                inFence = !inFence;
            }
            else if (!inFence && raw.StartsWith(' ') && ListItem().IsMatch(raw))
            {
                line = raw.TrimEnd();
            }

            if (line.Length == 0 && !inFence && (lines.Count == 0 || lines[^1].Length == 0))
            {
                continue;
            }

            lines.Add(line);
        }

        return string.Join('\n', lines).Trim();
    }

    /// <summary>XML knows five named entities; storage format uses HTML's (&amp;nbsp;, &amp;rsquo;…).</summary>
    private static string HtmlEntitiesToNumeric(string storage) => NamedEntity().Replace(storage, match =>
        match.Groups[1].Value is "amp" or "lt" or "gt" or "quot" or "apos"
            ? match.Value
            : WebUtility.HtmlDecode(match.Value) is { } decoded && decoded != match.Value
                ? string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"))
                : "&amp;" + match.Value[1..]);

    [GeneratedRegex("&([A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex NamedEntity();

    [GeneratedRegex(@"^\s*(- |\d+\. )")]
    private static partial Regex ListItem();
}
