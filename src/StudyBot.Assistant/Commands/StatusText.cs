using System.Globalization;
using System.Text;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Commands;

/// <summary>Plain-text status for any channel: per source the last sync, size, errors and a running sync's progress.</summary>
public static class StatusText
{
    public static string Format(StatusReply reply)
    {
        var text = Format(reply.Status);
        return reply.HelpfulRates is { } rates && HelpfulRate.Describe(rates) is { } helpful ? $"{text}\n{helpful}" : text;
    }

    public static string Format(KnowledgeStatus status)
    {
        var text = new StringBuilder($"{status.Documents} documents, {status.Chunks} chunks indexed.");
        foreach (var s in status.Sources)
        {
            text.Append("\n• ").Append(s.Name).Append(" (").Append(s.Type).Append("): ").Append(s.Documents).Append(" documents, ")
                .Append(s.Chunks).Append(" chunks");
            if (s.State == "running")
            {
                text.Append(CultureInfo.InvariantCulture, $" — syncing, {s.ProgressDone} of {s.ProgressTotal} documents");
                if (s.EstimatedSecondsLeft is { } left)
                {
                    text.Append(CultureInfo.InvariantCulture, $", about {Math.Ceiling(left)} s left");
                }
            }
            else if (s.LastFinished is { } finished)
            {
                text.Append(CultureInfo.InvariantCulture, $" — last sync {finished:yyyy-MM-dd HH:mm} UTC{(s.State == "failed" ? " FAILED" : "")}");
            }

            if (s.Errors.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {s.Errors.Count} problem(s), e.g. {s.Errors[0].Document}: {s.Errors[0].Error}");
            }
        }

        return text.ToString();
    }
}
