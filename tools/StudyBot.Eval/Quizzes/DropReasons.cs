using Microsoft.Extensions.Logging;
using StudyBot.Assistant.Quizzes.Questions;

namespace StudyBot.Eval.Quizzes;

/// <summary>Counts the reasons the rule-built generator logs for each sentence or draft that makes no question.</summary>
internal sealed class DropReasons : ILogger<RuleQuizGenerator>
{
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public void Add(string reason) => Counts[reason] = Counts.GetValueOrDefault(reason) + 1;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "Reason").Value is string reason)
        {
            Add(reason);
        }
    }
}
