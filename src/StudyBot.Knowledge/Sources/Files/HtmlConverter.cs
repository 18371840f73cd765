using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StudyBot.Knowledge.Sources.Files;

/// <summary>
/// Turns HTML into the Markdown subset the chunker understands: headings, paragraphs, list items,
/// code. A page of a Confluence HTML export keeps only its body, under its title and breadcrumb.
/// </summary>
public static class HtmlConverter
{
    public static (string? Title, string Markdown) Convert(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var noise in document.QuerySelectorAll("script, style, nav, noscript, template"))
        {
            noise.Remove();
        }

        var markdown = new StringBuilder();
        if (ConfluenceExportPage.TryRead(document) is { } exported)
        {
            Write(exported.Content, markdown);
            return (exported.Title, TitlePathMarkdown.Nest([.. exported.Breadcrumbs, exported.Title], markdown.ToString().Trim()));
        }

        Write(document.Body ?? document.DocumentElement, markdown);
        var title = document.Title;
        return (string.IsNullOrWhiteSpace(title) ? null : title.Trim(), markdown.ToString().Trim());
    }

    private static void Write(INode node, StringBuilder markdown)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is not IElement element)
            {
                if (child.NodeType == NodeType.Text)
                {
                    markdown.Append(Collapse(child.TextContent));
                }

                continue;
            }

            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    markdown.Append("\n\n").Append('#', element.LocalName[1] - '0').Append(' ')
                        .Append(Collapse(element.TextContent).Trim()).Append("\n\n");
                    break;
                case "p" or "div" or "section" or "article" or "table" or "blockquote" or "tr":
                    markdown.Append("\n\n");
                    Write(element, markdown);
                    markdown.Append("\n\n");
                    break;
                case "li":
                    markdown.Append("\n- ");
                    Write(element, markdown);
                    break;
                case "br":
                    markdown.Append('\n');
                    break;
                case "pre":
                    markdown.Append("\n\n```\n").Append(element.TextContent.Trim('\n')).Append("\n```\n\n");
                    break;
                case "td" or "th":
                    Write(element, markdown);
                    markdown.Append(" | ");
                    break;
                default:
                    Write(element, markdown);
                    break;
            }
        }
    }

    /// <summary>Runs of whitespace as one space, keeping whether the text started or ended with some.</summary>
    internal static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } collapsed
            ? (char.IsWhiteSpace(text[0]) ? " " : "") + collapsed + (char.IsWhiteSpace(text[^1]) ? " " : "")
            : text.Length > 0 ? " " : "";
}
