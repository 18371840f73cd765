using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Core.Conversations;

/// <summary>
/// Signs links to a Files source's documents, so a citation opens in a browser when the API needs a
/// key. Signatures do not expire because the links live on in chat history; replacing the key
/// revokes all of them.
/// </summary>
public sealed class FileLinkSigner(byte[] key)
{
    public const string QueryName = "sig";

    public string Sign(string source, string path) => Base64Url.EncodeToString(Mac(source, path));

    public bool Verify(string source, string path, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64)
        {
            return false;
        }

        var given = new byte[Base64Url.GetMaxDecodedLength(signature.Length)];
        return Base64Url.TryDecodeFromChars(signature, given, out var length)
            && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, length), Mac(source, path));
    }

    private byte[] Mac(string source, string path) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(source + "\n" + path)).AsSpan(0, 16).ToArray();
}
