using StudyBot.Knowledge.Chunking;

namespace StudyBot.Knowledge.Tests.Chunking;

public sealed class MarkdownChunkerTests
{
    private static readonly TokenCounter Tokens = TokenCounter.Default;

    private static MarkdownChunker Chunker(int max = 60, int overlap = 10) => new(new ChunkingOptions { MaxTokens = max, OverlapTokens = overlap }, Tokens);

    private static string Sentences(string topic, int count) =>
        string.Join(" ", Enumerable.Range(1, count).Select(i => $"Sentence {i} explains one more detail about {topic} for the reader."));

    [Fact]
    public void Chunk_LongSection_NoChunkExceedsTheTokenBound()
    {
        var markdown = $"# Guide\n\n## Adapters\n\n{Sentences("adapters", 40)}\n\n{Sentences("ranks", 25)}";

        var chunks = Chunker().Chunk([new DocumentPart(markdown)]);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 60 + 10, $"{Tokens.Count(c.Text)} tokens: {c.Text}"));
        Assert.All(chunks, c => Assert.True(c.TokenCount <= 60));
    }

    [Fact]
    public void Chunk_Headings_StartNewChunksAndFormTheHeadingPath()
    {
        var markdown = "# Fine-tuning\n\nIntro paragraph about tuning.\n\n## LoRA\n\nLoRA adds low-rank matrices.\n\n### Rank\n\nThe rank r is small.\n\n## QLoRA\n\nQLoRA quantizes the base model.";

        var chunks = Chunker(200, 20).Chunk([new DocumentPart(markdown)]);

        Assert.Equal(4, chunks.Count);
        Assert.Equal(["Fine-tuning", "LoRA", "Rank"], chunks[2].HeadingPath);
        Assert.Equal(["Fine-tuning", "QLoRA"], chunks[3].HeadingPath);
        Assert.StartsWith("QLoRA quantizes", chunks[3].Text, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2, 3], chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Chunk_SplitSection_RepeatsTheLastSentenceAsOverlap()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"Paragraph {i} talks about vector indexes and their recall at scale.");
        var markdown = "# Vectors\n\n" + string.Join("\n\n", paragraphs);

        var chunks = Chunker(50, 20).Chunk([new DocumentPart(markdown)]);

        Assert.True(chunks.Count >= 2);
        var lastOfFirst = chunks[0].Text.Split("\n\n")[^1];
        Assert.StartsWith(lastOfFirst, chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_CodeFenceWithHashLines_IsNotReadAsHeadings()
    {
        var markdown = "# Pipelines\n\nCompile it:\n\n```bash\n# compile the pipeline\nkfp dsl compile\n```\n\nThen upload it.";

        var chunks = Chunker(200, 0).Chunk([new DocumentPart(markdown)]);

        var chunk = Assert.Single(chunks);
        Assert.Equal(["Pipelines"], chunk.HeadingPath);
        Assert.Contains("# compile the pipeline", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_PdfPages_KeepTheirPageNumbers()
    {
        var chunks = Chunker(200, 0).Chunk([new DocumentPart("First page text about LLaMA.", 1), new DocumentPart("Second page text about tokens.", 2)]);

        Assert.Equal([1, 2], chunks.Select(c => c.Page));
    }

    [Fact]
    public void Chunk_OneHugeSentence_IsCutByTokens()
    {
        var markdown = string.Join(' ', Enumerable.Repeat("token", 500));

        var chunks = Chunker(64, 0).Chunk([new DocumentPart(markdown)]);

        Assert.True(chunks.Count >= 7);
        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 64));
    }

    [Fact]
    public void Chunk_TableLongerThanAChunk_EveryPieceStartsWithTheHeaderRow()
    {
        var rows = Enumerable.Range(1, 40).Select(i => $"| service-{i} | {8000 + i} | team {i} |");
        var markdown = "## Ports\n\n| Service | Port | Owner |\n| --- | --- | --- |\n" + string.Join("\n", rows);

        var chunks = Chunker(80, 10).Chunk([new DocumentPart(markdown)]);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.StartsWith("| Service | Port | Owner |\n| --- | --- | --- |\n| service-", c.Text, StringComparison.Ordinal));
        Assert.Single(chunks, c => c.Text.Contains("| service-37 | 8037 |", StringComparison.Ordinal));
    }
}
