using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using StudyBot.Core.Models;

namespace StudyBot.Eval.Answers;

/// <summary>The judge model from StudyBot:Llm: any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM).</summary>
internal static class JudgeChatClient
{
    public static bool IsConfigured(LlmOptions options) => options.Provider != "None" && !string.IsNullOrWhiteSpace(options.ChatModel);

    public static IChatClient Create(LlmOptions options)
    {
        var clientOptions = new OpenAIClientOptions();
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        return new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? "unused"), clientOptions)
            .GetChatClient(options.ChatModel)
            .AsIChatClient();
    }
}
