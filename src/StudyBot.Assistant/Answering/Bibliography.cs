using System.Text.RegularExpressions;

namespace StudyBot.Assistant.Answering;

/// <summary>
/// Recognises a chunk cut from a paper's reference list. It names other works, so it never answers
/// a question about them, yet it shares their rarest words ("GLM-130B: an open bilingual
/// pre-trained model"). Entries end their years with "." or "," and carry bibliographic markers or
/// author initials; prose citing a work puts its year in brackets ("Zeng et al., 2022)").
/// </summary>
internal static partial class Bibliography
{
    public static bool IsReferenceList(string text) =>
        EntryYear().Count(text) >= 3 && (Marker().Count(text) >= 2 || Initials().Count(text) >= 5);

    [GeneratedRegex(@"\b(?:19|20)\d\d[a-z]?[.,](?:\s|$)")]
    private static partial Regex EntryYear();

    [GeneratedRegex(@"(?i)\b(?:arxiv|preprint|proceedings|journal of|transactions on|workshop on|advances in|doi:|vol\.|pp\.)")]
    private static partial Regex Marker();

    // "A. Zeng", "Radford, A."
    [GeneratedRegex(@"\b[A-Z]\. ?[A-Z][a-z]+|\b[A-Z][a-z]+, [A-Z]\.")]
    private static partial Regex Initials();
}
