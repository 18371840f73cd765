using StudyBot.Operations.Telemetry;
namespace StudyBot.Host.Telemetry;

/// <summary>
/// Stands in for a logged exception whose message or stack text held a secret or an e-mail
/// address (a URL with a token, a provider's error echoing a key); exceptions without one are logged as they are.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    private RedactedException(Exception original, string text, LogRedactor redactor)
        : base($"{original.GetType().FullName}: {redactor.Redact(original.Message)}")
    {
        _text = text;
        _stackTrace = original.StackTrace;
        OriginalType = original.GetType();
    }

    public Type OriginalType { get; }

    public override string? StackTrace => _stackTrace;

    public static Exception? Wrap(Exception? exception, LogRedactor redactor)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        var redacted = redactor.Redact(text);
        return redacted == text ? exception : new RedactedException(exception, redacted, redactor);
    }

    public override string ToString() => _text;
}
