using StudyBot.Core.Ingestion;

namespace StudyBot.Host.CommandLine;

/// <summary>Prints "source: 120/450 documents" to stderr during ingestion, at most every half second and once at the end.</summary>
internal sealed class ProgressPrinter(string source) : IProgress<IngestionProgress>
{
    private long _lastPrinted;

    public static IProgress<IngestionProgress> For(string source) => new ProgressPrinter(source);

    public void Report(IngestionProgress value)
    {
        var now = Environment.TickCount64;
        if (value.Total == 0 || (value.Done < value.Total && now - Interlocked.Read(ref _lastPrinted) < 500))
        {
            return;
        }

        Interlocked.Exchange(ref _lastPrinted, now);
        Console.Error.WriteLine($"{source}: {value.Done}/{value.Total} documents");
    }
}
