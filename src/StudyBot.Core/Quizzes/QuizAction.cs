using System.Globalization;

namespace StudyBot.Core.Quizzes;

/// <summary>Action ids and button values of quizzes, shared by every front end.</summary>
public static class QuizAction
{
    /// <summary>An answer button: value "{sessionId}|{questionIndex}|{option}".</summary>
    public const string Answer = "quiz-answer";

    /// <summary>"Quiz me on this" under an answer: value = the answer's id.</summary>
    public const string QuizMeOnAnswer = "quiz-on-answer";

    /// <summary>A shared question card's own view for the one asking: value "{sessionId}|{questionIndex}".</summary>
    public const string View = "quiz-view";

    public static string ViewValue(string sessionId, int questionIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{sessionId}|{questionIndex}");

    public static bool TryParseView(string value, out string sessionId, out int questionIndex)
    {
        var parts = value.Split('|');
        sessionId = parts.Length == 2 ? parts[0] : "";
        questionIndex = -1;
        return parts.Length == 2 && sessionId.Length > 0 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out questionIndex);
    }

    public static string Value(string sessionId, int questionIndex, int option) =>
        string.Create(CultureInfo.InvariantCulture, $"{sessionId}|{questionIndex}|{option}");

    public static bool TryParse(string value, out string sessionId, out int questionIndex, out int option)
    {
        var parts = value.Split('|');
        sessionId = parts.Length == 3 ? parts[0] : "";
        questionIndex = option = -1;
        return parts.Length == 3
            && sessionId.Length > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out questionIndex)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out option);
    }
}
