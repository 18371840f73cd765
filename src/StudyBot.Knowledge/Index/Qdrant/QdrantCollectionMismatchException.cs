namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>The configured collection exists but was made for other vectors; writing to it would corrupt it.</summary>
public sealed class QdrantCollectionMismatchException(string message) : Exception(message);
