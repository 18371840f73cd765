namespace StudyBot.Core.Retrieval;

/// <summary>
/// The index cannot be reached (a vector store server down, refusing the key, or failing): answers
/// say so instead of "not found", and an ingestion run fails as a whole so it is retried later.
/// </summary>
public sealed class KnowledgeUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
