namespace StudyBot.Eval.Beir;

/// <summary>Which queries an evaluation runs: defaults are tuned on the odd ones and reported on the even ones.</summary>
internal enum QuerySelection
{
    All,
    Odd,
    Even,
}

internal static class QuerySelectionExtensions
{
    public static bool Includes(this QuerySelection selection, BeirQuery query) => selection switch
    {
        QuerySelection.Odd => query.Number % 2 == 1,
        QuerySelection.Even => query.Number % 2 == 0,
        _ => true,
    };
}
