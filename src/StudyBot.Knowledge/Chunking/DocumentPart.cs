namespace StudyBot.Knowledge.Chunking;

/// <summary>A piece of a document in Markdown; PDFs give one part per page so chunks keep their page number.</summary>
public sealed record DocumentPart(string Markdown, int? Page = null);
