namespace StudyBot.Knowledge.Sources;

/// <summary>One document as listed by its source: a stable id and a hash that changes when its content does.</summary>
public sealed record SourceItem(string Id, string Link, DateTimeOffset LastModified, string ContentHash);
