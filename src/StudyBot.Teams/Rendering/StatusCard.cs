using System.Text.Json.Nodes;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;

namespace StudyBot.Teams.Rendering;

/// <summary>What is indexed: totals, then per source its state, counts, last run and unreadable documents.</summary>
internal static class StatusCard
{
    public static JsonObject Render(StatusReply status)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text(StatusText.Heading, size: "Medium", weight: "Bolder"),
            AdaptiveCard.Text(StatusText.Totals(status.Status)),
        };
        foreach (var source in status.Status.Sources)
        {
            body.Add(AdaptiveCard.Text(StatusText.Name(source), weight: "Bolder", separator: true));
            body.Add(AdaptiveCard.Text(StatusText.Summary(source)));
            body.AddRange(StatusText.Problems(source).Select(problem => (JsonNode)AdaptiveCard.Text(problem, size: "Small", color: "Attention")));
        }

        if (StatusText.Helpful(status) is { } helpful)
        {
            body.Add(AdaptiveCard.Text(helpful, separator: true));
        }

        return AdaptiveCard.Create(PlainTextRenderer.Instance.Status(status), body);
    }
}
