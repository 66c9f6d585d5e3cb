using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// Registers the recurring pipelines through <see cref="IRecurringJobManager"/>: hourly ingest, the morning pipeline and
/// weekly retraining, with the configured crons and time zone. Registration is an upsert by id, so every worker can run
/// it at start-up and a restart keeps one schedule per id.
/// </summary>
public sealed class PipelineSchedule(IRecurringJobManager recurring, JobsOptions options)
{
    /// <summary>Recurring job ids (stored data: never rename).</summary>
    public const string IngestId = "ingest-hourly", MorningId = "morning-brief", RetrainId = "retrain-weekly";

    /// <summary>Adds or updates the three recurring jobs.</summary>
    public void Register()
    {
        TimeZoneInfo zone;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone); }
        catch (TimeZoneNotFoundException) { throw new ForecasterException($"{JobsOptions.SectionName}:TimeZone '{options.TimeZone}' is not a known time-zone id."); }
        var recurringOptions = new RecurringJobOptions { TimeZone = zone };
        Add("IngestCron", () => recurring.AddOrUpdate<IngestMarketsJob>(IngestId, j => j.RunAsync(CancellationToken.None), options.IngestCron, recurringOptions));
        Add("MorningCron", () => recurring.AddOrUpdate<StartMorningJob>(MorningId, j => j.RunAsync(CancellationToken.None), options.MorningCron, recurringOptions));
        Add("RetrainCron", () => recurring.AddOrUpdate<RetrainModelsJob>(RetrainId, j => j.RunAsync(CancellationToken.None), options.RetrainCron, recurringOptions));
    }

    private static void Add(string key, Action register)
    {
        try { register(); }
        catch (ArgumentException e)
        {
            // Hangfire's cron parser rejects the expression: say which setting holds it.
            throw new ForecasterException($"{JobsOptions.SectionName}:{key} is not a valid cron expression: {e.Message.Split('\n')[0]}", e);
        }
    }
}
