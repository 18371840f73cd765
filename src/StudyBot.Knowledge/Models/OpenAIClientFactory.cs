using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using StudyBot.Core.Models;

namespace StudyBot.Knowledge.Models;

/// <summary>
/// The one place StudyBot builds OpenAI clients, for chat and embeddings alike: OpenAI, any
/// OpenAI-compatible server by base URL (Ollama, vLLM, LM Studio), or an Azure OpenAI deployment.
/// </summary>
public static class OpenAIClientFactory
{
    /// <param name="model">The model name; for Azure OpenAI the deployment name.</param>
    /// <param name="transport">HttpClient to send through (a typed or named client); null = the SDK's own.</param>
    /// <param name="retries">Retries the SDK makes itself; callers with a deadline handle 429 themselves and pass 0.</param>
    public static OpenAIClient Create(LlmOptions options, string model, HttpClient? transport = null, int retries = 3)
    {
        var clientOptions = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(retries) };
        if (transport is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(transport);
        }

        if (options.Provider == "AzureOpenAI")
        {
            // Azure serves each deployment under its own path and wants api-version and an api-key header.
            var root = options.Endpoint!.TrimEnd('/');
            clientOptions.Endpoint = new Uri($"{root}/openai/deployments/{Uri.EscapeDataString(model)}");
            clientOptions.AddPolicy(new AzureOpenAIRequestPolicy(options.ApiKey ?? "", options.AzureApiVersion), PipelinePosition.BeforeTransport);
        }
        else if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        // Local servers (Ollama) take no key, but the SDK insists on one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
    }
}
