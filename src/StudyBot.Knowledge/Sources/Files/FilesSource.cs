using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Sources.Pdf;

namespace StudyBot.Knowledge.Sources.Files;

/// <summary>A folder of Markdown, HTML, plain-text and PDF files; a document's id is its path relative to the folder.</summary>
public sealed class FilesSource(string name, string root) : IKnowledgeSource
{
    private const long MaxFileBytes = 64L * 1024 * 1024;
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".markdown", ".txt", ".text", ".html", ".htm", ".pdf",
    };

    public string Name => name;

    public string Type => "Files";

    public string Root { get; } = Path.GetFullPath(root);

    public async IAsyncEnumerable<SourceItem> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"folder '{Root}' of source '{name}' does not exist");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var files = Directory.EnumerateFiles(Root, "*", options)
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && !IsInHiddenFolder(f))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(file);
            var bytes = info.Length <= MaxFileBytes ? await File.ReadAllBytesAsync(file, cancellationToken) : [];
            yield return ToItem(info, bytes);
        }
    }

    public async Task<SourceDocument> LoadAsync(SourceItem item, CancellationToken cancellationToken)
    {
        var info = new FileInfo(Path.Combine(Root, item.Id));
        if (info.Length > MaxFileBytes)
        {
            throw new DocumentReadException($"file is larger than {MaxFileBytes / 1024 / 1024} MB");
        }

        var bytes = await File.ReadAllBytesAsync(info.FullName, cancellationToken);
        var current = ToItem(info, bytes);
        var fallbackTitle = ExportNames.TitleOf(info.Name);
        switch (info.Extension.ToLowerInvariant())
        {
            case ".pdf":
                var (pdfTitle, pages) = PdfReader.Read(bytes);
                return new SourceDocument(current, pdfTitle ?? fallbackTitle, pages);
            case ".html" or ".htm":
                var (htmlTitle, html) = HtmlConverter.Convert(DecodeText(bytes));
                return new SourceDocument(current, htmlTitle ?? FirstHeading(html) ?? fallbackTitle, [new DocumentPart(html)]);
            default:
                var text = DecodeText(bytes);
                return new SourceDocument(current, FirstHeading(text) ?? fallbackTitle, [new DocumentPart(text)]);
        }
    }

    /// <summary>The full path of a document id, or null when it is not a listed file inside this folder.</summary>
    public string? TryResolve(string documentId)
    {
        var full = Path.GetFullPath(Path.Combine(Root, documentId));
        var inside = full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && File.Exists(full) && Extensions.Contains(Path.GetExtension(full)) && !IsInHiddenFolder(full) ? full : null;
    }

    private SourceItem ToItem(FileInfo info, byte[] bytes)
    {
        var id = Path.GetRelativePath(Root, info.FullName).Replace('\\', '/');
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new SourceItem(id, id, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), hash);
    }

    private bool IsInHiddenFolder(string file) =>
        Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(p => p.StartsWith('.'));

    private static string DecodeText(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentReadException("file is not UTF-8 text", ex);
        }
    }

    private static string? FirstHeading(string markdown)
    {
        using var reader = new StringReader(markdown);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                return line[2..].Trim();
            }
        }

        return null;
    }
}
