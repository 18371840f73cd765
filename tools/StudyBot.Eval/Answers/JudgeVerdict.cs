namespace StudyBot.Eval.Answers;

/// <summary>The judge's reading of one answer: how many of its sentences the cited chunks support, and whether it matches the reference.</summary>
internal sealed record JudgeVerdict(int Sentences, int Supported, bool Correct)
{
    public double Faithfulness => Sentences == 0 ? 0 : Math.Clamp(Supported / (double)Sentences, 0, 1);
}
