using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Markets;
using Forecaster.Modeling.Registry;
using Forecaster.Pipeline;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The weekly retraining stage: <see cref="RetrainingService"/> (what <c>forecaster train</c> runs) trains a challenger
/// on the store, registers it in <see cref="JobsOptions.ModelsDirectory"/>, and promotes it only when it beats the
/// champion. Keyed by the hour the run starts in: a second run in that hour trains nothing.
/// </summary>
public sealed class RetrainModelsJob(IMarketStore store, IStageLedger ledger, StageClock clock, JobsOptions options)
{
    // Training is CPU-heavy and writes one model version: never two at once, across all workers.
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 1, ExceptOn = [typeof(ForecasterException)])]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.Now;
        var hour = HourlyGrid.Floor(startedAt);
        if (await ledger.GetAsync(PipelineStages.Retrain, "models", hour, cancellationToken) is not null) return;
        var result = await new RetrainingService(
            store, new ModelRegistry(options.ModelsDirectory, clock.Provider), clock.Provider, method: options.RetrainMethod, decidedBy: PromotionDecider.RetrainJob).RunAsync(cancellationToken: cancellationToken);
        var payload = new
        {
            trained = true,
            model = result.Challenger.Name,
            challenger = result.Challenger.Version,
            method = result.Challenger.Method,
            previousChampion = result.PreviousChampion,
            champion = result.Champion,
            promoted = result.Promoted,
            rejection = result.Rejection,
            againstChampion = result.Challenger.AgainstChampion?.Summary,
            aucPr = result.Challenger.Metrics.AucPr,
            recall = result.Challenger.Metrics.Recall,
        };
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Retrain, "models", hour, startedAt, JsonSerializer.Serialize(payload)), cancellationToken);
    }
}
