using System.Text.RegularExpressions;
using StudyBot.Knowledge.Chunking;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace StudyBot.Knowledge.Sources.Pdf;

/// <summary>
/// Reads a PDF's text layer page by page (content order, which follows columns in TeX output) so
/// citations can name the page. A PDF without a text layer is refused rather than indexed empty.
/// </summary>
public static partial class PdfReader
{
    public static (string? Title, IReadOnlyList<DocumentPart> Pages) Read(byte[] bytes)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DocumentReadException($"not a readable PDF: {ex.Message}", ex);
        }

        using (document)
        {
            var pages = new List<DocumentPart>(document.NumberOfPages);
            var letters = 0;
            try
            {
                foreach (var page in document.GetPages())
                {
                    var text = CleanText(ContentOrderTextExtractor.GetText(page, addDoubleNewline: true));
                    letters += text.Count(char.IsLetter);
                    if (text.Length > 0)
                    {
                        pages.Add(new DocumentPart(text, page.Number));
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new DocumentReadException($"PDF is damaged: {ex.Message}", ex);
            }

            if (letters < 10 * document.NumberOfPages)
            {
                throw new DocumentReadException(
                    $"PDF has no text layer ({document.NumberOfPages} page(s) of images, probably a scan); run OCR on it first");
            }

            var title = document.Information.Title;
            return (string.IsNullOrWhiteSpace(title) ? null : title.Trim(), pages);
        }
    }

    /// <summary>Joins words hyphenated across lines and drops the line breaks inside paragraphs.</summary>
    internal static string CleanText(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\u00A0', ' ');
        text = HyphenatedBreak().Replace(text, "$1$2");
        text = SingleBreak().Replace(text, " ");
        text = Spaces().Replace(text, " ");
        return MarkdownMarkers().Replace(text, "\\$1").Trim();
    }

    [GeneratedRegex(@"(\p{Ll})-\n(\p{Ll})")]
    private static partial Regex HyphenatedBreak();

    [GeneratedRegex(@"(?<!\n)\n(?!\n)")]
    private static partial Regex SingleBreak();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    // A line of PDF text starting with '#' must not be read as a Markdown heading.
    [GeneratedRegex(@"(?m)^(#)")]
    private static partial Regex MarkdownMarkers();
}
