using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Pdf;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests;

public sealed class PdfReaderTests
{
    [Fact]
    public void Read_TwoColumnPaper_GivesReadableTextPerPage()
    {
        var (_, pages) = PdfReader.Read(File.ReadAllBytes(TestPaths.Fixture("pdf", "llm-papers", "llama_arxiv-2302.13971_full.pdf")));

        Assert.Equal(27, pages.Count);
        Assert.Equal(Enumerable.Range(1, 27), pages.Select(p => p.Page!.Value));
        // The abstract reads in order although the page has two columns.
        Assert.Contains("We introduce LLaMA, a collection of foundation language models ranging from 7B to 65B parameters", pages[0].Markdown, StringComparison.Ordinal);
        // TeX's ligature glyphs come out as letters, so "efficient" is found.
        Assert.Contains("Efficient Foundation", pages[0].Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(pages, p => p.Markdown.Contains('\uFB01', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("llm-papers/llama_arxiv-2302.13971_full.pdf", "LLaMA: Open and Efficient Foundation Language Models")]
    [InlineData("llm-papers/chain-of-thought_arxiv-2201.11903_page1.pdf", "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models")]
    [InlineData("llm-papers/autogen_arxiv-2308.08155_page1.pdf", "AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation")]
    [InlineData("layout/multicolumn_pypdf-026.pdf", "Two-Column Document with Lorem Ipsum")]
    public void Read_PaperWithoutAUsableTitleField_IsTitledByItsFirstHeading(string file, string title)
    {
        var (read, _) = PdfReader.Read(File.ReadAllBytes(TestPaths.Fixture(["pdf", .. file.Split('/')])));

        Assert.Equal(title, read);
    }

    [Fact]
    public void Read_FirstPageHeadedContents_IsNotTitledContents()
    {
        var (title, _) = PdfReader.Read(File.ReadAllBytes(TestPaths.Fixture("pdf", "layout", "outline-4pages_pypdf-006.pdf")));

        Assert.Null(title);
    }

    [Fact]
    public void Read_ScannedPdfWithoutTextLayer_IsRefusedWithTheReason()
    {
        var error = Assert.Throws<DocumentReadException>(() =>
            PdfReader.Read(File.ReadAllBytes(TestPaths.Fixture("pdf", "scanned", "huckfinn-c02-22_scanned_no-text.pdf"))));

        Assert.Contains("no text layer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptPdf_IsRefusedWithTheReason()
    {
        var bytes = File.ReadAllBytes(TestPaths.Fixture("pdf", "llm-papers", "chain-of-thought_arxiv-2201.11903_page1.pdf"))[..4000];

        var error = Assert.Throws<DocumentReadException>(() => PdfReader.Read(bytes));

        Assert.Contains("PDF", error.Message, StringComparison.Ordinal);
    }
}
