using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StudyBot.Core.Telemetry;

/// <summary>
/// Model and tool use, for the answerer that calls a chat model. Call <see cref="RecordUsage"/> once
/// per model response with its token counts and the model's price from
/// <see cref="TelemetryOptions.PriceOf"/>, and <see cref="StartToolCall"/>/<see cref="RecordToolCall"/>
/// around each tool invocation (web search, knowledge search).
/// </summary>
public static class ModelTelemetry
{
    private static readonly Counter<long> Tokens = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.model.tokens", "{token}", "Model tokens, by model and gen_ai.token.type (input, output).");

    private static readonly Counter<double> Cost = StudyBotTelemetry.Meter.CreateCounter<double>(
        "studybot.model.cost", "USD", "Estimated model cost from StudyBot:Telemetry:ModelPrices; models without a price are not counted.");

    private static readonly Counter<long> ToolCalls = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.tool.calls", "{call}", "Tool calls made while answering, by tool and outcome (succeeded, failed).");

    private static readonly Histogram<double> ToolDuration = StudyBotTelemetry.Meter.CreateHistogram<double>(
        "studybot.tool.duration", "s", "Duration of one tool call.");

    /// <summary>Tokens of one model response and, when <paramref name="price"/> is known, its estimated cost.</summary>
    public static void RecordUsage(string model, long inputTokens, long outputTokens, ModelPrice? price)
    {
        var modelTag = new KeyValuePair<string, object?>(TelemetryTags.Model, model);
        Tokens.Add(inputTokens, modelTag, new(TelemetryTags.TokenType, "input"));
        Tokens.Add(outputTokens, modelTag, new(TelemetryTags.TokenType, "output"));
        if (price is not null)
        {
            Cost.Add(price.Estimate(inputTokens, outputTokens), modelTag);
        }
    }

    public static Activity? StartToolCall(string tool)
    {
        var activity = StudyBotTelemetry.ActivitySource.StartActivity("studybot.tool " + tool);
        activity?.SetTag(TelemetryTags.Tool, tool);
        return activity;
    }

    public static void RecordToolCall(string tool, bool succeeded, double seconds, Activity? activity)
    {
        var outcome = succeeded ? "succeeded" : "failed";
        ToolCalls.Add(1, new(TelemetryTags.Tool, tool), new(TelemetryTags.Outcome, outcome));
        ToolDuration.Record(seconds, new KeyValuePair<string, object?>(TelemetryTags.Tool, tool));
        if (!succeeded)
        {
            StudyBotTelemetry.Fail(activity, "tool call failed");
        }
    }
}
