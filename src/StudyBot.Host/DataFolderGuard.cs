using StudyBot.Knowledge.Storage;

namespace StudyBot.Host;

/// <summary>Opens (and locks) the data folder as the host starts, so an unusable folder stops start-up with its reason.</summary>
public sealed class DataFolderGuard(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<DataFolder>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
