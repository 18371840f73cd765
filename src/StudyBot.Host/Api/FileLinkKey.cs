using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Host.ApiKeys;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Host.Api;

/// <summary>
/// The key of <see cref="FileLinkSigner"/>: StudyBot:Api:LinkSigningKey when set (every instance of a
/// deployment must share it), otherwise a random key kept in the data folder.
/// </summary>
internal static class FileLinkKey
{
    private const string FileName = "link-signing.key";

    public static FileLinkSigner CreateSigner(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<ApiOptions>>().Value.LinkSigningKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new FileLinkSigner(SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
        }

        var path = services.GetRequiredService<DataFolder>().PathOf(FileName);
        if (!File.Exists(path))
        {
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, RandomNumberGenerator.GetBytes(32));
            File.Move(temporary, path, overwrite: false);
        }

        return new FileLinkSigner(File.ReadAllBytes(path));
    }
}
