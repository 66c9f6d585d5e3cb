using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The recurring entry of the morning pipeline: enqueues ingest and, as its continuation, the per-market fan-out.
/// It computes nothing itself, so running it twice only enqueues stages that are themselves idempotent.
/// </summary>
public sealed class StartMorningJob(IBackgroundJobClient jobs)
{
    /// <summary>Enqueues the chain; returns the ingest job's id.</summary>
    public Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var ingest = jobs.Enqueue<IngestMarketsJob>(j => j.RunAsync(CancellationToken.None));
        jobs.ContinueJobWith<FanOutMarketsJob>(ingest, j => j.RunAsync(null, CancellationToken.None));
        return Task.FromResult(ingest);
    }
}
