namespace StudyBot.Eval.Answers;

/// <param name="Faithfulness">Mean share of supported sentences over the answered questions.</param>
/// <param name="Correctness">Share of all labelled questions whose answer gives the reference's key facts.</param>
internal sealed record AnswersReport(int Questions, int Answered, double Faithfulness, double Correctness, TimeSpan Elapsed);
