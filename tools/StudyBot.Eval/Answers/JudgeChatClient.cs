using Microsoft.Extensions.AI;
using StudyBot.Core.Models;
using StudyBot.Knowledge.Models;

namespace StudyBot.Eval.Answers;

/// <summary>The judge model from StudyBot:Llm: any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, Ollama, vLLM).</summary>
internal static class JudgeChatClient
{
    public static bool IsConfigured(LlmOptions options) => options.UsesChatModel;

    public static IChatClient Create(LlmOptions options)
    {
        return OpenAIClientFactory.Create(options, options.ChatModel!)
            .GetChatClient(options.ChatModel)
            .AsIChatClient();
    }
}
