using System.Text.RegularExpressions;
using StudyBot.Knowledge.Chunking;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace StudyBot.Knowledge.Sources.Pdf;

/// <summary>
/// Reads a PDF's text layer page by page (content order, which follows columns in TeX output) so
/// citations can name the page, and its title. A PDF without a text layer is refused rather than indexed empty.
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

            return (TitleOf(document), pages);
        }
    }

    /// <summary>
    /// The Title metadata when it reads as a title; otherwise the first page's heading (its largest
    /// horizontal text in the upper half), since TeX and slide tools often leave the Title empty or set
    /// it to a file name ("new-pull-figure-landscape").
    /// </summary>
    private static string? TitleOf(PdfDocument document)
    {
        var metadata = document.Information.Title?.Trim();
        if (metadata is { Length: > 0 } && metadata.Contains(' ', StringComparison.Ordinal))
        {
            return metadata;
        }

        try
        {
            return FirstHeading(document.GetPage(1)) ?? (string.IsNullOrEmpty(metadata) ? null : metadata);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return string.IsNullOrEmpty(metadata) ? null : metadata;
        }
    }

    private static readonly HashSet<string> NotTitles = new(StringComparer.OrdinalIgnoreCase) { "Contents", "Table of Contents", "Abstract", "Preface" };

    private static string? FirstHeading(Page page)
    {
        var words = page.GetWords()
            .Where(w => w.TextOrientation == TextOrientation.Horizontal && w.Letters.Count > 0 && w.Text.Any(char.IsLetter))
            .Select(w => (Word: w, Size: Math.Round(w.Letters.Average(l => l.PointSize), 1)))
            .ToList();
        if (words.Count < 10)
        {
            return null;
        }

        var body = words.Select(w => w.Size).Order().ElementAt(words.Count / 2);
        var largest = words.Where(w => w.Word.BoundingBox.Bottom > page.Height / 2).Select(w => w.Size).DefaultIfEmpty(0).Max();
        if (largest < body * 1.2)
        {
            return null;
        }

        var heading = words
            .Where(w => w.Size >= largest - 0.5 && w.Word.BoundingBox.Bottom > page.Height / 2)
            .OrderByDescending(w => Math.Round(w.Word.BoundingBox.Bottom))
            .ThenBy(w => w.Word.BoundingBox.Left)
            .Select(w => w.Word.Text);
        var text = WithoutLigatures(Spaces().Replace(string.Join(' ', heading), " ").Trim());
        return text.Length is > 3 and <= 200 && !NotTitles.Contains(text) ? text : null;
    }

    /// <summary>Joins words hyphenated across lines and drops the line breaks inside paragraphs.</summary>
    internal static string CleanText(string text)
    {
        text = WithoutLigatures(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\u00A0', ' '));
        text = HyphenatedBreak().Replace(text, "$1$2");
        text = SingleBreak().Replace(text, " ");
        text = Spaces().Replace(text, " ");
        return MarkdownMarkers().Replace(text, "\\$1").Trim();
    }

    /// <summary>TeX fonts set "fi", "fl", "ff"… as one ligature glyph ("Efﬁcient"); searches and titles need the letters.</summary>
    private static string WithoutLigatures(string text) => Ligature().Replace(text, m => m.Value[0] switch
    {
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        _ => "st",
    });

    [GeneratedRegex("[\uFB00-\uFB06]")]
    private static partial Regex Ligature();

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
