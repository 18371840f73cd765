using System.Globalization;

namespace StudyBot.Core.Feedback;

/// <summary>👍 share of the votes on answers given with one prompt version (null = answers without a versioned prompt).</summary>
public sealed record HelpfulRate(string? PromptVersion, int Votes, int Helpful)
{
    public const string Unversioned = "unversioned";

    public string Label => PromptVersion ?? Unversioned;

    public double Rate => Votes == 0 ? 0 : (double)Helpful / Votes;

    /// <summary>"Helpful answers: v2 8 of 10 (80%), unversioned 3 of 4 (75%)", or null without votes.</summary>
    public static string? Describe(IReadOnlyList<HelpfulRate> rates) => rates.Count == 0
        ? null
        : "Helpful answers: " + string.Join(", ", rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Label} {r.Helpful} of {r.Votes} ({r.Rate * 100:0}%)")));
}

/// <summary>Feedback totals per prompt version, for status.</summary>
public interface IFeedbackSummary
{
    Task<IReadOnlyList<HelpfulRate>> GetHelpfulRatesAsync(CancellationToken cancellationToken);
}
