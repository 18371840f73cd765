using System.Globalization;
using Microsoft.Extensions.Configuration;
using StudyBot.Core.Models;
using StudyBot.Eval.Beir;

namespace StudyBot.Eval.Answers;

/// <summary>The `answers` command: needs a judge model, and says so plainly when none is configured.</summary>
internal static class AnswersCommand
{
    public static async Task<int> RunAsync(BeirDataset dataset, QuerySelection selection, IConfiguration settings, TextWriter output, CancellationToken cancellationToken)
    {
        var llm = settings.GetSection(LlmOptions.SectionName).Get<LlmOptions>() ?? new LlmOptions();
        if (!JudgeChatClient.IsConfigured(llm))
        {
            await output.WriteLineAsync("""
                The answers mode needs a judge model, and none is configured. Set StudyBot:Llm, for example:
                  StudyBot__Llm__Provider=OpenAICompatible StudyBot__Llm__Endpoint=http://localhost:11434/v1 StudyBot__Llm__ChatModel=llama3.1 \
                  dotnet run -c Release --project tools/StudyBot.Eval -- answers --dataset ../shared/fixtures/eval/aragog/beir
                (or --set StudyBot:Llm:Provider=OpenAI --set StudyBot:Llm:ChatModel=... with StudyBot__Llm__ApiKey in the environment).
                """);
            return 2;
        }

        using var judge = JudgeChatClient.Create(llm);
        var report = await AnswersEvaluator.RunAsync(dataset, selection, settings, judge, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            Judge: {llm.ChatModel} ({llm.Provider}); queries: {selection.ToString().ToLowerInvariant()}
            Answered {report.Answered} of {report.Questions} labelled questions in {report.Elapsed.TotalSeconds:0.0} s
            Faithfulness to cited chunks: {report.Faithfulness:0.000} (mean share of supported sentences per answer)
            Correct against the reference answer: {report.Correctness:0.000} (share of all labelled questions)
            """));
        return 0;
    }
}
