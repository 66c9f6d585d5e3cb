using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Risk;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The publish stage: writes the morning brief for the as-of hour with <see cref="BriefService"/> (the service
/// <c>forecaster brief</c> calls) to <see cref="JobsOptions.ReportsDirectory"/>. Keyed by the as-of hour: a second run,
/// or a retry after a worker died mid-write, leaves one brief and one record.
/// </summary>
public sealed class PublishBriefJob(IMarketStore store, IStageLedger ledger, StageClock clock, JobsOptions options)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 30, 60, 300, 600], ExceptOn = [typeof(ForecasterException), typeof(ArgumentException)])]
    public async Task RunAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(PipelineStages.Publish, "brief", asOf, cancellationToken) is not null) return;
        var startedAt = clock.Now;
        var result = await new BriefService(store, clock.Provider).CreateAsync(new BriefOptions { OutputDirectory = options.ReportsDirectory, AsOf = asOf }, cancellationToken);
        var counts = result.Brief.StatusCounts;
        var payload = new
        {
            asOf,
            folder = Path.GetFileName(result.Directory),
            markdown = $"{Path.GetFileName(result.Directory)}/brief.md",
            json = $"{Path.GetFileName(result.Directory)}/brief.json",
            markets = result.Brief.Entries.Count,
            red = counts.GetValueOrDefault(MarketStatus.Red),
            amber = counts.GetValueOrDefault(MarketStatus.Amber),
            green = counts.GetValueOrDefault(MarketStatus.Green),
            simulatedData = result.Brief.HasSimulatedData,
        };
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Publish, "brief", asOf, startedAt, JsonSerializer.Serialize(payload, ForecastPayload.Json)), cancellationToken);
    }
}
