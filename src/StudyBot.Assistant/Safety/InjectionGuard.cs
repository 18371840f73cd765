using System.Text.RegularExpressions;

namespace StudyBot.Assistant.Safety;

/// <summary>
/// Recognises prompt-injection attempts: text that tries to override StudyBot's instructions,
/// change its role, reveal its prompt, or forge the markers that fence retrieved text. A question
/// that matches is answered without the model; a retrieved chunk or web result that matches has
/// the offending span replaced before it is placed in a prompt (README, "Generative answers").
/// </summary>
public static partial class InjectionGuard
{
    public const string Removed = "[instruction-like text removed]";

    public static bool LooksLikeInjection(string text) => Pattern().IsMatch(text);

    /// <summary>Text safe to place inside a source fence: injection spans replaced, fence markers defused.</summary>
    public static string Neutralise(string text) =>
        Fence().Replace(Pattern().Replace(text, Removed), m => m.Value.Replace("<", "‹", StringComparison.Ordinal));

    [GeneratedRegex("""
        (?ix)
          \b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}?\b(?:previous|prior|above|earlier|preceding|all|any|your|the|system)\b[^.\n]{0,20}?\b(?:instructions?|prompts?|rules|directions|guidelines|context)\b
        | \b(?:reveal|print|show|repeat|output|leak|tell\s+me)\b[^.\n]{0,30}?\b(?:system|hidden|initial|original)\s+(?:prompt|instructions?|message)
        | \byou\s+are\s+now\b
        | \b(?:pretend|act)\s+(?:to\s+be|as\s+if|as\s+an?)\b[^.\n]{0,40}?\b(?:unrestricted|unfiltered|jailbroken|without\s+(?:rules|restrictions|limits))
        | \b(?:developer|god|jailbreak|DAN)\s+mode\b
        | \bnew\s+(?:system\s+)?instructions?\s*:
        | <\|?\s*(?:im_start|im_end|system|endoftext)\s*\|?>
        | ^\s*(?:system|assistant)\s*:
        | \[/?INST\]
        """, RegexOptions.Multiline)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"</?\s*(?:source|web|question|history)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Fence();
}
