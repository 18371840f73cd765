using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace StudyBot.Operations.Jobs;

/// <summary>
/// Hangfire keeps its log provider in static state and its loggers in static fields. When a host
/// stops while the process goes on (tests, in-process restarts), its logger factory is disposed;
/// this provider then drops Hangfire's log lines instead of throwing inside Hangfire.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new DisposalTolerantLog(new AspNetCoreLogProvider(factory).GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new DisposalTolerantLog(null);
        }
    }

    private sealed class DisposalTolerantLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
