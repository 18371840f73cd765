using Microsoft.Extensions.FileProviders;

namespace StudyBot.Host.Playground;

/// <summary>The web playground: static files embedded in the assembly, so it works from any working directory.</summary>
public static class PlaygroundEndpoints
{
    private static readonly EmbeddedFileProvider Files = new(typeof(PlaygroundEndpoints).Assembly, "StudyBot.Host.Playground");

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Serve("index.html")).ExcludeFromDescription();
        app.MapGet("/playground/{file}", (string file) => Serve(file)).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(string name)
    {
        var file = Files.GetFileInfo(name);
        if (!file.Exists)
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "application/octet-stream",
        };
        return Results.Stream(file.CreateReadStream(), type);
    }
}
