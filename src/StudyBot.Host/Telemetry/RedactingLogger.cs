using StudyBot.Operations.Telemetry;
namespace StudyBot.Host.Telemetry;

/// <summary>Redacts the formatted message, the structured values and the exception text of each entry.</summary>
public sealed class RedactingLogger(ILogger inner, LogRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var redacted = new RedactedLogState(
            redactor.Redact(formatter(state, exception)),
            state as IReadOnlyList<KeyValuePair<string, object?>> ?? [],
            redactor);
        inner.Log(logLevel, eventId, redacted, RedactedException.Wrap(exception, redactor), static (s, _) => s.Message);
    }
}
