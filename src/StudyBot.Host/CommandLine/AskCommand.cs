using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Knowledge.Ingestion;

namespace StudyBot.Host.CommandLine;

/// <summary><c>ask "question"</c>: brings the index up to date, prints the answer with its sources; exit 3 when nothing answers it.</summary>
internal static class AskCommand
{
    private static readonly TimeSpan VectorBudget = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(IServiceProvider services, string question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            await Console.Error.WriteLineAsync("Usage: ask \"your question\"");
            return 2;
        }

        // Unchanged documents are skipped by content hash, so this is quick after the first run.
        await services.GetRequiredService<KnowledgeIngestion>().IngestAllAsync(ProgressPrinter.For, cancellationToken);
        // Words answer at once; meaning needs vectors. A one-shot answer spends a few seconds on them
        // (cached in the data folder, so each run adds to what the last one computed), then answers with what exists.
        var vectors = services.GetRequiredService<EmbeddingBackfill>();
        if (vectors.Progress is { } missing && missing.Embedded < missing.Chunks)
        {
            await Console.Error.WriteLineAsync($"Computing vectors for {missing.Chunks - missing.Embedded} chunks (cached in the data folder; at most {VectorBudget.TotalSeconds:0} s now)…");
            if (!await vectors.CompleteAsync(VectorBudget, cancellationToken) && vectors.Progress is { } progress)
            {
                await Console.Error.WriteLineAsync($"{progress.Embedded} of {progress.Chunks} chunks have vectors; the rest are found by their words until a later command or the server computes them.");
            }
        }

        var engine = services.GetRequiredService<ConversationEngine>();
        var reply = await engine.HandleAsync(new IncomingMessage(new ConversationAddress("cli", "cli"), Environment.UserName, "ask " + question), cancellationToken);
        Console.WriteLine(reply.Render(PlainTextRenderer.Instance));
        return reply is AnswerReply { Found: false } ? 3 : 0;
    }
}
