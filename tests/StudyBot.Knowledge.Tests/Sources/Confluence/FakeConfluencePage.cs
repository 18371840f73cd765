namespace StudyBot.Knowledge.Tests.Sources.Confluence;

/// <summary>A page (or, with <see cref="Bytes"/>, an attachment of <see cref="ParentId"/>) held by the fake Confluence.</summary>
internal sealed class FakeConfluencePage
{
    public required string Id { get; init; }

    public required string SpaceKey { get; init; }

    public required string Title { get; set; }

    public string? ParentId { get; set; }

    public string Storage { get; set; } = "";

    public int Version { get; set; } = 1;

    public string Status { get; set; } = "current";

    public DateTimeOffset Modified { get; set; } = new(2024, 6, 12, 9, 30, 0, TimeSpan.Zero);

    public IReadOnlyList<string> Labels { get; set; } = [];

    /// <summary>Set for an attachment: its file content.</summary>
    public byte[]? Bytes { get; init; }

    public string MediaType { get; init; } = "application/pdf";

    public bool IsAttachment => Bytes is not null;

    /// <summary>Records an edit the way Confluence does: a new version number and time.</summary>
    public void Edit(string storage)
    {
        Storage = storage;
        Version++;
        Modified = Modified.AddHours(1);
    }
}
