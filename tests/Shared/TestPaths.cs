namespace StudyBot.Tests;

/// <summary>Locations of the repository, its sample knowledge base and the shared fixtures beside the clone.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixtures => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));

    public static string Knowledge => Path.Combine(RepositoryRoot, "knowledge");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StudyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StudyBot.sln not found above " + AppContext.BaseDirectory);
    }
}
