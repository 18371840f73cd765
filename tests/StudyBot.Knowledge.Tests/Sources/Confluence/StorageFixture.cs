using System.Text.RegularExpressions;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Sources.Confluence;

/// <summary>
/// The storage-format samples of ../shared/fixtures/confluence/storage-format as the REST API
/// returns them: a fragment without the synthetic root element and XML declaration the samples carry.
/// </summary>
internal static partial class StorageFixture
{
    public static string Read(string name)
    {
        var text = File.ReadAllText(TestPaths.Fixture("confluence", "storage-format", name));
        text = XmlDeclaration().Replace(text, "");
        return SyntheticRoot().Match(text) is { Success: true } root ? root.Groups["body"].Value.Trim() : text.Trim();
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"^\s*<(?<tag>xml|html)\b[^>]*>(?<body>.*)</\k<tag>>\s*$", RegexOptions.Singleline)]
    private static partial Regex SyntheticRoot();
}
