namespace StudyBot.Host.Api;

internal static class ContentTypes
{
    public static string For(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".html" or ".htm" => "text/plain; charset=utf-8",
        ".md" or ".markdown" => "text/markdown; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
