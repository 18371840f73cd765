using System.Text.Json;

namespace StudyBot.Storage;

/// <summary>How the app store writes the JSON columns (citations, options, counts, errors): one setting for every store.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
