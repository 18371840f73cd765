namespace StudyBot.Knowledge.Tests.Qdrant;

/// <summary>A test against a real Qdrant: runs when QDRANT_URL is set (QDRANT_API_KEY if it needs one), reported as skipped otherwise.</summary>
public sealed class RealQdrantFactAttribute : FactAttribute
{
    public RealQdrantFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("QDRANT_URL")))
        {
            Skip = "QDRANT_URL is not set: no real Qdrant to test against";
        }
    }
}
