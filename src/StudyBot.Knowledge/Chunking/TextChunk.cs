namespace StudyBot.Knowledge.Chunking;

/// <summary>A bounded piece of a document with the headings above it and, for PDFs, its page.</summary>
public sealed record TextChunk(int Ordinal, string Text, IReadOnlyList<string> HeadingPath, int? Page, int TokenCount);
