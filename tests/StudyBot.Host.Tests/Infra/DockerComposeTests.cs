using StudyBot.Tests;

namespace StudyBot.Host.Tests.Infra;

public sealed class DockerComposeTests
{
    private static readonly string ComposeFile = Path.Combine(TestPaths.RepositoryRoot, "infra", "docker-compose.yml");

    [DockerComposeFact]
    public async Task Config_WithTheExampleEnvFile_ValidatesWithPinnedQdrantAndTheContractKeys()
    {
        var (exitCode, output) = await DockerCompose.RunAsync("--env-file", Path.Combine(TestPaths.RepositoryRoot, "infra", ".env.example"), "-f", ComposeFile, "config");

        Assert.True(exitCode == 0, output);
        Assert.Contains("image: qdrant/qdrant:v1.19.0", output, StringComparison.Ordinal);
        Assert.Contains("StudyBot__VectorStore__Provider: Qdrant", output, StringComparison.Ordinal);
        Assert.Contains("StudyBot__VectorStore__Qdrant__Url: http://qdrant:6333", output, StringComparison.Ordinal);
        Assert.Contains("QDRANT__SERVICE__API_KEY: change-me-qdrant-api-key", output, StringComparison.Ordinal);
        Assert.Contains("StudyBot__Storage__Provider: Postgres", output, StringComparison.Ordinal);
    }

    [DockerComposeFact]
    public async Task Config_WithoutSecrets_RefusesNamingTheMissingOne()
    {
        using var empty = new TempFolder();
        var envFile = empty.Write(".env", "");

        var (exitCode, output) = await DockerCompose.RunAsync("--env-file", envFile, "-f", ComposeFile, "config");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("in infra/.env", output, StringComparison.Ordinal);
    }
}
