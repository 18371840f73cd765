using Microsoft.Extensions.Logging;

namespace StudyBot.Tests;

/// <summary>Keeps every log entry written through it, with its level, message and structured values.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public List<LogEntry> Entries { get; } = [];

    public IReadOnlyList<LogEntry> Snapshot()
    {
        lock (Entries)
        {
            return [.. Entries];
        }
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = (state as IReadOnlyList<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value);
            lock (provider.Entries)
            {
                provider.Entries.Add(new LogEntry(category, logLevel, formatter(state, exception), values, exception));
            }
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, string Message, Dictionary<string, object?> State, Exception? Exception);
