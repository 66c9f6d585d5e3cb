using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Markets;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The weekly retraining stage. The only forecaster wired in is the baseline model, which has nothing to fit, so the
/// champion stays "baseline" and the job records that no challenger was trained. When the ML forecasters land
/// (issue 3) this is where a challenger is trained and compared. Keyed by the hour the run starts in.
/// </summary>
public sealed class RetrainModelsJob(IStageLedger ledger, StageClock clock)
{
    // Training is CPU-heavy and writes one model version: never two at once, across all workers.
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.Now;
        var hour = HourlyGrid.Floor(startedAt);
        var payload = new { champion = "baseline", challenger = (string?)null, trained = false, note = "No trainable forecaster is configured yet (issue 3); the baseline model has no fitted parameters." };
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Retrain, "models", hour, startedAt, JsonSerializer.Serialize(payload)), cancellationToken);
    }
}
