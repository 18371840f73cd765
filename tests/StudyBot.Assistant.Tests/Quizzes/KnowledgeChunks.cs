using StudyBot.Knowledge.Chunking;
using StudyBot.Core.Retrieval;
using StudyBot.Tests;

namespace StudyBot.Assistant.Tests.Quizzes;

/// <summary>The sample knowledge base's Markdown notes, chunked as ingestion chunks them.</summary>
internal static class KnowledgeChunks
{
    public static IReadOnlyList<RetrievedChunk> Of(string file)
    {
        var chunker = new MarkdownChunker(new ChunkingOptions(), TokenCounter.Default);
        var text = File.ReadAllText(Path.Combine(TestPaths.Knowledge, file));
        return chunker.Chunk([new DocumentPart(text)]).Select(c => new RetrievedChunk(
            $"{file}#{c.Ordinal}", "knowledge", file, Path.GetFileNameWithoutExtension(file), file, c.Page, c.HeadingPath, c.Text, 0)).ToList();
    }
}
