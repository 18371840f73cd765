using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Telemetry;

/// <summary>A chat model's list price, for the estimated-cost metric (StudyBot:Telemetry:ModelPrices:&lt;model&gt;).</summary>
public sealed class ModelPrice
{
    [Range(0, 10_000, ErrorMessage = "StudyBot:Telemetry:ModelPrices:<model>:InputPerMillionTokens must be between {1} and {2}.")]
    public double InputPerMillionTokens { get; set; }

    [Range(0, 10_000, ErrorMessage = "StudyBot:Telemetry:ModelPrices:<model>:OutputPerMillionTokens must be between {1} and {2}.")]
    public double OutputPerMillionTokens { get; set; }

    public double Estimate(long inputTokens, long outputTokens) =>
        (inputTokens * InputPerMillionTokens + outputTokens * OutputPerMillionTokens) / 1_000_000;
}
