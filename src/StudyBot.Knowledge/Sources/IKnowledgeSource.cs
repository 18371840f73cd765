namespace StudyBot.Knowledge.Sources;

/// <summary>
/// A place documents come from. Listing is cheap (ids, versions); loading reads one document in
/// full, and is only asked for documents whose content hash changed since the last run.
/// </summary>
public interface IKnowledgeSource
{
    string Name { get; }

    string Type { get; }

    IAsyncEnumerable<SourceItem> ListAsync(CancellationToken cancellationToken);

    Task<SourceDocument> LoadAsync(SourceItem item, CancellationToken cancellationToken);
}
