using AngleSharp.Dom;

namespace StudyBot.Knowledge.Sources.Files;

/// <summary>
/// A page of a Confluence HTML space export: its title (#title-text, without the "Space : " prefix),
/// its breadcrumb of ancestor pages (#breadcrumbs, without the space's index.html) and its body
/// (#main-content). The export's chrome — breadcrumbs, page metadata, attachment lists, footer,
/// table-of-contents macros — is not part of it.
/// </summary>
internal sealed record ConfluenceExportPage(string Title, IReadOnlyList<string> Breadcrumbs, IElement Content)
{
    public static ConfluenceExportPage? TryRead(IDocument document)
    {
        if (document.GetElementById("main-content") is not { } content || document.GetElementById("title-text") is not { } titleText)
        {
            return null;
        }

        var crumbs = document.QuerySelectorAll("#breadcrumbs li a").ToList();
        var space = crumbs.FirstOrDefault(a => a.GetAttribute("href") == "index.html")?.TextContent.Trim();
        var title = titleText.TextContent.Trim();
        if (space is { Length: > 0 } && title.StartsWith(space + " : ", StringComparison.Ordinal))
        {
            title = title[(space.Length + 3)..].Trim();
        }

        var breadcrumbs = crumbs.Where(a => a.GetAttribute("href") != "index.html").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        foreach (var chrome in content.QuerySelectorAll(".toc-macro, .plugin_pagetree, .confluence-embedded-file-wrapper"))
        {
            chrome.Remove();
        }

        return new ConfluenceExportPage(title, breadcrumbs, content);
    }
}
