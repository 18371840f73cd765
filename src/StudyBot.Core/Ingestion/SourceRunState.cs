using System.Text.Json.Serialization;

namespace StudyBot.Core.Ingestion;

/// <summary>Where a source's ingestion stands; written as its lower-case name ("idle") wherever it is shown.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceRunState>))]
public enum SourceRunState
{
    /// <summary>Never run yet.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Reserved for a run that has not started (a job waits in the queue).</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>The last run listed the source (some documents may still have failed).</summary>
    [JsonStringEnumMemberName("idle")]
    Idle,

    /// <summary>The last run failed as a whole (listing, credentials, index); the previous index keeps serving.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Still in the index but no longer configured: it is never run again until it is configured or forgotten.</summary>
    [JsonStringEnumMemberName("unconfigured")]
    Unconfigured,
}

public static class SourceRunStates
{
    /// <summary>"idle", as in JSON: the one spelling of a state in status texts, the dashboard and the app store.</summary>
    public static string Name(this SourceRunState state) => state switch
    {
        SourceRunState.Pending => "pending",
        SourceRunState.Queued => "queued",
        SourceRunState.Running => "running",
        SourceRunState.Idle => "idle",
        SourceRunState.Failed => "failed",
        SourceRunState.Unconfigured => "unconfigured",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static SourceRunState Parse(string name) =>
        Enum.GetValues<SourceRunState>().FirstOrDefault(s => s.Name() == name, SourceRunState.Pending);
}
