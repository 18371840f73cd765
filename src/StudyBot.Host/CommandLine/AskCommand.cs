using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Knowledge.Ingestion;

namespace StudyBot.Host.CommandLine;

/// <summary><c>ask "question"</c>: brings the index up to date, prints the answer with its sources; exit 3 when nothing answers it.</summary>
internal static class AskCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            await Console.Error.WriteLineAsync("Usage: ask \"your question\"");
            return 2;
        }

        // Unchanged documents are skipped by content hash, so this is quick after the first run.
        await services.GetRequiredService<KnowledgeIngestion>().IngestAllAsync(ProgressPrinter.For, cancellationToken);
        // The server answers while vectors are computed; a one-shot answer waits for them (cached after the first run).
        var vectors = services.GetRequiredService<EmbeddingBackfill>();
        if (vectors.Progress is { } progress && progress.Embedded < progress.Chunks)
        {
            await Console.Error.WriteLineAsync($"Computing vectors for {progress.Chunks - progress.Embedded} chunks (once; cached in the data folder)…");
        }

        await vectors.CompleteAsync(cancellationToken);
        var engine = services.GetRequiredService<ConversationEngine>();
        var reply = await engine.HandleAsync(new IncomingMessage(new ConversationAddress("cli", "cli"), Environment.UserName, "ask " + question), cancellationToken);
        Console.WriteLine(reply.Render(PlainTextRenderer.Instance));
        return reply is AnswerReply { Found: false } ? 3 : 0;
    }
}
