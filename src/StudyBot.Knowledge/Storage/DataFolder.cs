namespace StudyBot.Knowledge.Storage;

/// <summary>
/// The data folder, created and locked for this process: two StudyBot processes writing one
/// embedded index would corrupt it, so the second one stops with a clear message.
/// </summary>
public sealed class DataFolder : IDisposable
{
    private readonly FileStream _lock;

    public DataFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(Path);
            var probe = System.IO.Path.Combine(Path, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"Data folder '{Path}' (StudyBot:DataDirectory) is not writable: {ex.Message}", ex);
        }

        try
        {
            _lock = new FileStream(System.IO.Path.Combine(Path, "studybot.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DataFolderException(
                $"Data folder '{Path}' (StudyBot:DataDirectory) is locked by another StudyBot process; stop it or point StudyBot:DataDirectory elsewhere.", ex);
        }
    }

    public string Path { get; }

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => _lock.Dispose();
}

public sealed class DataFolderException(string message, Exception inner) : Exception(message, inner);
