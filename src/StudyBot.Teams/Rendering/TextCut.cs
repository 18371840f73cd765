namespace StudyBot.Teams.Rendering;

internal static class TextCut
{
    /// <summary>The text within <paramref name="max"/> characters, an ellipsis ending what was cut.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
