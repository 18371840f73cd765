using StudyBot.Operations.Telemetry;
namespace StudyBot.Host.Telemetry;

/// <summary>
/// The host's <see cref="ILoggerFactory"/>: every logger it hands out redacts secrets and e-mail
/// addresses before any provider (console, OpenTelemetry, test sinks) sees the entry.
/// </summary>
public sealed class RedactingLoggerFactory(LoggerFactory inner, LogRedactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
