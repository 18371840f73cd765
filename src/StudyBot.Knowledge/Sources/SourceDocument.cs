using StudyBot.Knowledge.Chunking;

namespace StudyBot.Knowledge.Sources;

/// <summary>A loaded document: its title, where to link citations, and its content as Markdown parts.</summary>
public sealed record SourceDocument(SourceItem Item, string Title, IReadOnlyList<DocumentPart> Parts);
