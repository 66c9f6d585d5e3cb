using Forecaster.Jobs.Ledger;

namespace Forecaster.Jobs;

/// <summary>Makes ledger records: times a stage's work with the injected clock and stamps the worker.</summary>
public sealed class StageClock(TimeProvider clock, JobsOptions options)
{
    /// <summary>Now, UTC.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The clock itself, for the services that take one.</summary>
    public TimeProvider Provider => clock;

    /// <summary>A record of work that started at <paramref name="startedAt"/> and ends now.</summary>
    public StageRecord Record(string stage, string key, DateTimeOffset asOf, DateTimeOffset startedAt, string payload) =>
        new(stage, key, asOf, startedAt, clock.GetUtcNow(), options.WorkerName, payload);
}
