namespace StudyBot.Core.Retrieval;

/// <summary>A search over the knowledge base; an empty <see cref="Sources"/> means every source.</summary>
public sealed record KnowledgeQuery(string Text, int Top = 8, IReadOnlyCollection<string>? Sources = null);
