using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace StudyBot.Host.Api;

/// <summary>Reads a JSON body and turns every way it can be wrong into a 400 that says why.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem("The body must be JSON (Content-Type: application/json)."));
        }

        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null ? (null, Problem("The body is empty.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problem($"The body is not valid JSON: {ex.Message}"));
        }
    }

    public static IResult Problem(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
