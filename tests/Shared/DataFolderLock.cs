namespace StudyBot.Tests;

/// <summary>
/// A stopped test host may still be disposing its services on the app's own thread after
/// WebApplicationFactory.DisposeAsync returns, so its data-folder lock (studybot.lock) can outlive
/// it for a moment; a host restarted on the same folder waits for it, as a real restart waits for
/// the old process to exit, instead of refusing to start.
/// </summary>
internal static class DataFolderLock
{
    public static async Task WaitUntilReleasedAsync(string dataDirectory)
    {
        var lockFile = Path.Combine(dataDirectory, "studybot.lock");
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                await using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                    return;
                }
            }
            catch (IOException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"the stopped host still holds {lockFile} after 10 s");
    }
}
