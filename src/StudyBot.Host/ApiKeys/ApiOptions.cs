namespace StudyBot.Host.ApiKeys;

/// <summary>StudyBot:Api — whether the public REST API needs a key issued by the admin API.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "StudyBot:Api";

    /// <summary>True: /api/* (non-admin) needs `Authorization: Bearer &lt;key&gt;`. False (default) keeps the local start open.</summary>
    public bool RequireKey { get; set; }

    /// <summary>
    /// Secret that signs citation links to Files-source documents, so they open in a browser when
    /// <see cref="RequireKey"/> is on. Empty = a random key kept in the data folder (one instance only).
    /// </summary>
    public string? LinkSigningKey { get; set; }
}
