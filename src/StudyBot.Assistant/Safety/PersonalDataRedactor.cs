using System.Text.RegularExpressions;

namespace StudyBot.Assistant.Safety;

/// <summary>
/// Replaces personal data with a placeholder before text is sent to a model
/// (StudyBot:Llm:RedactPersonalData): e-mail addresses, phone numbers, payment card numbers
/// (Luhn-checked), IBANs and IP addresses. Dates, versions and figures stay.
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Redact(string text)
    {
        text = Email().Replace(text, "[email]");
        text = Iban().Replace(text, "[iban]");
        text = Card().Replace(text, m => Luhn(Digits(m.Value)) ? "[card]" : m.Value);
        text = IpAddress().Replace(text, "[ip]");
        return Phone().Replace(text, m => IsPhone(m.Value) ? "[phone]" : m.Value);
    }

    // A run of digit groups is a phone number when it has 7 to 15 digits and looks dialled: an
    // international prefix, an area code in brackets, or separators between at least three groups.
    private static bool IsPhone(string candidate)
    {
        var digits = Digits(candidate).Length;
        if (digits is < 7 or > 15)
        {
            return false;
        }

        return candidate.StartsWith('+') || candidate.Contains('(', StringComparison.Ordinal) || (digits >= 9 && GroupSeparator().Count(candidate) >= 2);
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    private static bool Luhn(string digits)
    {
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b")]
    private static partial Regex Iban();

    [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b")]
    private static partial Regex Card();

    [GeneratedRegex(@"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")]
    private static partial Regex IpAddress();

    [GeneratedRegex(@"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,5}){1,4}(?!\w|\.\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\d[\s.-]+\d")]
    private static partial Regex GroupSeparator();
}
