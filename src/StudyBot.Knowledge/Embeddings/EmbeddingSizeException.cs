namespace StudyBot.Knowledge.Embeddings;

/// <summary>
/// The embedding model's vectors are not the size the index expects, or its size could not be read
/// at start-up. The message names the setting to change and both sizes.
/// </summary>
public sealed class EmbeddingSizeException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    public static EmbeddingSizeException Mismatch(string embedderId, int expected, int actual) => new(
        $"The embedding model '{embedderId}' returned {actual}-dimension vectors, but StudyBot:Llm:EmbeddingDimensions is {expected}. " +
        $"Set StudyBot:Llm:EmbeddingDimensions to {actual} (or leave it empty to read the size from the model at start-up).");
}
