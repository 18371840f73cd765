using System.Collections;
using StudyBot.Operations.Telemetry;

namespace StudyBot.Host.Telemetry;

/// <summary>A log entry's structured values with every string (and object shown as text) redacted; numbers and flags stay as they are.</summary>
public sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";
    private readonly List<KeyValuePair<string, object?>> _values;

    public RedactedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>> values, LogRedactor redactor)
    {
        Message = message;
        _values = values.Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Key == OriginalFormat ? pair.Value : Redact(pair.Value, redactor))).ToList();
    }

    public string Message { get; }

    public int Count => _values.Count;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    private static object? Redact(object? value, LogRedactor redactor)
    {
        switch (value)
        {
            case null or bool or char or byte or short or int or long or float or double or decimal or DateTimeOffset or DateTime or TimeSpan or Guid or Enum:
                return value;
            case string text:
                return redactor.Redact(text);
            case IEnumerable<string> texts:
                return texts.Select(redactor.Redact).ToList();
            default:
                var shown = value.ToString() ?? "";
                var redacted = redactor.Redact(shown);
                return ReferenceEquals(shown, redacted) || shown == redacted ? value : redacted;
        }
    }
}
