namespace StudyBot.Core.Ingestion;

/// <summary>What one run did with the source's documents (unchanged = skipped by content hash).</summary>
public sealed record IngestionCounts(int Added, int Updated, int Unchanged, int Removed, int Failed, double DurationSeconds);
