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
        var read = TryRead(value, 1, out sessionId, out var numbers);
        questionIndex = read ? numbers[0] : -1;
        return read;
    }

    public static string Value(string sessionId, int questionIndex, int option) =>
        string.Create(CultureInfo.InvariantCulture, $"{sessionId}|{questionIndex}|{option}");

    public static bool TryParse(string value, out string sessionId, out int questionIndex, out int option)
    {
        var read = TryRead(value, 2, out sessionId, out var numbers);
        (questionIndex, option) = read ? (numbers[0], numbers[1]) : (-1, -1);
        return read;
    }

    /// <summary>"{sessionId}|{n1}|…": a session id and exactly <paramref name="count"/> non-negative numbers.</summary>
    private static bool TryRead(string value, int count, out string sessionId, out int[] numbers)
    {
        var parts = value.Split('|');
        sessionId = parts.Length == count + 1 ? parts[0] : "";
        numbers = new int[count];
        if (sessionId.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!int.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        return true;
    }
}
