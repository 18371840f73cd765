namespace StudyBot.Core.Feedback;

/// <summary>What was wrong with an answer, as the person voting 👎 chose it.</summary>
public enum FeedbackReasonKind
{
    Wrong,
    Outdated,
    MissingSource,
    Other,
}

/// <summary>Why a person voted 👎: a kind and, if they wrote one, a comment. Stored with the vote in every channel.</summary>
/// <param name="Comment">What they wrote, trimmed and at most <see cref="MaxCommentLength"/> characters; null when nothing.</param>
public sealed record FeedbackReason(FeedbackReasonKind Kind, string? Comment = null)
{
    public const int MaxCommentLength = 1000;

    public static IReadOnlyList<FeedbackReasonKind> Kinds { get; } = Enum.GetValues<FeedbackReasonKind>();

    /// <summary>The kind's name in storage, exports, filters and button values: wrong, outdated, missing-source, other.</summary>
    public string Name => NameOf(Kind);

    public static string NameOf(FeedbackReasonKind kind) => kind switch
    {
        FeedbackReasonKind.Wrong => "wrong",
        FeedbackReasonKind.Outdated => "outdated",
        FeedbackReasonKind.MissingSource => "missing-source",
        _ => "other",
    };

    /// <summary>How a feedback form words the kind: "Wrong", "Outdated", "Missing source", "Other".</summary>
    public static string LabelOf(FeedbackReasonKind kind) => kind switch
    {
        FeedbackReasonKind.Wrong => "Wrong",
        FeedbackReasonKind.Outdated => "Outdated",
        FeedbackReasonKind.MissingSource => "Missing source",
        _ => "Other",
    };

    public static bool TryParse(string? name, out FeedbackReasonKind kind)
    {
        foreach (var candidate in Kinds)
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

    /// <summary>A reason with its comment trimmed to what is stored (blank = none).</summary>
    public static FeedbackReason Of(FeedbackReasonKind kind, string? comment)
    {
        var text = comment?.Trim();
        return new FeedbackReason(kind, string.IsNullOrEmpty(text) ? null : text.Length <= MaxCommentLength ? text : text[..MaxCommentLength]);
    }
}
