namespace StudyBot.Core.Feedback;

/// <summary>Why an answer was not helpful, as the 👎 form of each channel asks it.</summary>
public enum FeedbackReasonKind
{
    Wrong,
    Outdated,
    MissingSource,
    Other,
}

/// <summary>The reason given with a 👎 vote: its kind and what the user wrote (trimmed, at most <see cref="MaxCommentLength"/> characters, null when empty).</summary>
public sealed record FeedbackReason
{
    public const int MaxCommentLength = 2000;

    public FeedbackReason(FeedbackReasonKind kind, string? comment)
    {
        Kind = kind;
        var text = comment?.Trim();
        Comment = string.IsNullOrEmpty(text) ? null : text.Length > MaxCommentLength ? text[..MaxCommentLength] : text;
    }

    public FeedbackReasonKind Kind { get; }

    public string? Comment { get; }

    /// <summary>The kind as stored and exported: wrong, outdated, missing-source or other.</summary>
    public string Name => NameOf(Kind);

    /// <summary>What the form shows for each kind.</summary>
    public static string Label(FeedbackReasonKind kind) => kind switch
    {
        FeedbackReasonKind.Wrong => "Wrong",
        FeedbackReasonKind.Outdated => "Outdated",
        FeedbackReasonKind.MissingSource => "Missing source",
        _ => "Other",
    };

    public static string NameOf(FeedbackReasonKind kind) => kind switch
    {
        FeedbackReasonKind.Wrong => "wrong",
        FeedbackReasonKind.Outdated => "outdated",
        FeedbackReasonKind.MissingSource => "missing-source",
        _ => "other",
    };

    public static bool TryParseKind(string? name, out FeedbackReasonKind kind)
    {
        foreach (var candidate in Enum.GetValues<FeedbackReasonKind>())
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
