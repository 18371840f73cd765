using System.ClientModel.Primitives;

namespace StudyBot.Knowledge.Models;

/// <summary>Turns an OpenAI request into Azure OpenAI's shape: <c>api-version</c> query and <c>api-key</c> header instead of a bearer token.</summary>
internal sealed class AzureOpenAIRequestPolicy(string apiKey, string apiVersion) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message.Request);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message.Request);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Rewrite(PipelineRequest request)
    {
        request.Headers.Remove("Authorization");
        request.Headers.Set("api-key", apiKey);
        var uri = request.Uri!;
        if (!uri.Query.Contains("api-version=", StringComparison.Ordinal))
        {
            var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
            request.Uri = new Uri(uri.AbsoluteUri + separator + "api-version=" + Uri.EscapeDataString(apiVersion));
        }
    }
}
