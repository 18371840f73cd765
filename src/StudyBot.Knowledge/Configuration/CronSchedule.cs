using Cronos;

namespace StudyBot.Knowledge.Configuration;

/// <summary>Checks cron expressions (5 fields, or 6 with seconds) the way Hangfire will read them.</summary>
public static class CronSchedule
{
    public static bool IsValid(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}
