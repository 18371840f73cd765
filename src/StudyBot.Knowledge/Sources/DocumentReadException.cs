namespace StudyBot.Knowledge.Sources;

/// <summary>A document that cannot be indexed, with a reason a person can act on.</summary>
public sealed class DocumentReadException(string message, Exception? inner = null) : Exception(message, inner);
