using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>Qdrant's wire format: snake_case properties, absent instead of null.</summary>
internal static class QdrantJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
