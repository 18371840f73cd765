using Microsoft.Extensions.Options;

namespace StudyBot.Knowledge.Configuration;

/// <summary>With Provider Qdrant, the Qdrant settings must be usable; the message names the key.</summary>
public sealed class VectorStoreOptionsValidator : IValidateOptions<VectorStoreOptions>
{
    private const string Key = "StudyBot:VectorStore:Qdrant";

    public ValidateOptionsResult Validate(string? name, VectorStoreOptions options)
    {
        if (options.Provider != VectorStoreProvider.Qdrant)
        {
            return ValidateOptionsResult.Success;
        }

        var qdrant = options.Qdrant;
        var failures = new List<string>();
        if (!Uri.TryCreate(qdrant.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Key}:Url must be an absolute http(s) URL of the Qdrant REST API, e.g. http://qdrant:6333 (was '{qdrant.Url}').");
        }

        if (string.IsNullOrWhiteSpace(qdrant.Collection) || qdrant.Collection.Length > 255 || qdrant.Collection.IndexOfAny(['/', '\\', '?', '#', ' ']) >= 0)
        {
            failures.Add($"{Key}:Collection must be a collection name without '/', '\\', '?', '#' or spaces (was '{qdrant.Collection}').");
        }

        if (qdrant.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{Key}:BatchSize must be between 1 and 10000 (was {qdrant.BatchSize}).");
        }

        if (qdrant.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{Key}:TimeoutSeconds must be between 1 and 600 (was {qdrant.TimeoutSeconds}).");
        }

        if (qdrant.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Key}:MaxRetries must be between 0 and 10 (was {qdrant.MaxRetries}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
