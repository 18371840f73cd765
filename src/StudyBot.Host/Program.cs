using Microsoft.Extensions.Options;
using StudyBot.Host;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Host.CommandLine;
using StudyBot.Knowledge.Index.Qdrant;
using StudyBot.Knowledge.Storage;

if (CommandLineRunner.IsCommand(args))
{
    return await CommandLineRunner.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddStudyBotHost();
var app = builder.Build();
app.MapStudyBot();
try
{
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is DataFolderException or OptionsValidationException or QdrantCollectionMismatchException or EmbeddingSizeException)
{
    await Console.Error.WriteLineAsync($"StudyBot cannot start: {ex.Message}");
    return 1;
}

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
