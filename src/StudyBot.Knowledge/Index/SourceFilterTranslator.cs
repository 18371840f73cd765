using System.Collections;
using System.Linq.Expressions;

namespace StudyBot.Knowledge.Index;

/// <summary>
/// Reads the source filters retrieval uses out of a VectorData filter expression:
/// <c>r =&gt; r.Source == name</c>, <c>r =&gt; names.Contains(r.Source)</c> and their <c>||</c>.
/// Returns null for "no filter"; any other shape is refused rather than ignored.
/// </summary>
public static class SourceFilterTranslator
{
    public static IReadOnlyCollection<string>? Translate(Expression<Func<ChunkRecord, bool>>? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var sources = new HashSet<string>(StringComparer.Ordinal);
        Collect(filter.Body, sources);
        return sources;
    }

    private static void Collect(Expression expression, HashSet<string> sources)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.OrElse } or:
                Collect(or.Left, sources);
                Collect(or.Right, sources);
                return;
            case BinaryExpression { NodeType: ExpressionType.Equal } equal when IsSource(equal.Left):
                sources.Add((string)Evaluate(equal.Right)!);
                return;
            case BinaryExpression { NodeType: ExpressionType.Equal } equal when IsSource(equal.Right):
                sources.Add((string)Evaluate(equal.Left)!);
                return;
            case MethodCallExpression { Method.Name: "Contains" } call when call.Arguments.Count > 0 && IsSource(call.Arguments[^1]):
                var collection = call.Object ?? call.Arguments[0];
                foreach (var item in (IEnumerable)Evaluate(collection)!)
                {
                    sources.Add((string)item);
                }

                return;
            default:
                throw new NotSupportedException($"filter '{expression}' is not supported; filter on Source with == or Contains");
        }
    }

    private static bool IsSource(Expression expression) =>
        expression is MemberExpression { Member.Name: nameof(ChunkRecord.Source), Expression: ParameterExpression };

    private static object? Evaluate(Expression expression) =>
        expression is ConstantExpression constant ? constant.Value : Expression.Lambda(expression).Compile().DynamicInvoke();
}
