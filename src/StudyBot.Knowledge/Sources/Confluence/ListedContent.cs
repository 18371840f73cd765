using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>
/// A page or PDF attachment as the listing saw it. The content hash is built from the version
/// number, title and title path, so an unchanged page is never fetched and a moved or renamed
/// ancestor re-indexes the pages whose heading path it changes.
/// </summary>
internal sealed record ListedContent(SourceItem Item, string Title, IReadOnlyList<string> TitlePath, string? SpaceKey, string? DownloadPath)
{
    public const string AttachmentPrefix = "attachment/";

    public static ListedContent Page(
        ConfluenceSettings settings, string id, string title, WireVersion? version, string? webui, IReadOnlyList<string> titlePath, string? spaceKey)
    {
        var item = new SourceItem(id, WebUrl(settings, webui, id), ModifiedOf(version), Hash(version, title, titlePath));
        return new ListedContent(item, title, titlePath, spaceKey, null);
    }

    public static ListedContent Attachment(ConfluenceSettings settings, V1Content attachment, string download)
    {
        var id = AttachmentPrefix + attachment.Id;
        var item = new SourceItem(id, WebUrl(settings, attachment.Links?.Webui, attachment.Container?.Id ?? attachment.Id),
            ModifiedOf(attachment.Version), Hash(attachment.Version, attachment.Title, []));
        return new ListedContent(item, attachment.Title, [], attachment.Space?.Key, download);
    }

    public static string Hash(WireVersion? version, string title, IReadOnlyList<string> titlePath)
    {
        var text = $"{version?.Number}\n{title}\n{string.Join('\n', titlePath)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string WebUrl(ConfluenceSettings settings, string? webui, string id) =>
        settings.Root + (webui ?? "/pages/viewpage.action?pageId=" + Uri.EscapeDataString(id));

    private static DateTimeOffset ModifiedOf(WireVersion? version) => version?.CreatedAt ?? version?.When ?? DateTimeOffset.UnixEpoch;
}
