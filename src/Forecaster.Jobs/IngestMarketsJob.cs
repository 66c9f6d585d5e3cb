using System.Text.Json;
using Forecaster.Ingest.Snapshots;
using Forecaster.Jobs.Ledger;
using Forecaster.Markets;
using Forecaster.Pipeline;
using Forecaster.Simulation;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The ingest stage: reads every snapshot file in <see cref="JobsOptions.IngestDirectory"/> into the store (the store's
/// upsert makes a re-read file change nothing). With no ingest folder and an empty store it simulates markets, as
/// <c>forecaster run</c> does, and records that the data is simulated. Keyed by the hour the run starts in.
/// </summary>
public sealed class IngestMarketsJob(IMarketStore store, IStageLedger ledger, StageClock clock, JobsOptions options)
{
    // A missing file or a locked database may clear up; a malformed file will not, so those fail at once.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 30, 60, 300, 600], ExceptOn = [typeof(ForecasterException), typeof(ArgumentException)])]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.Now;
        var runHour = HourlyGrid.Floor(startedAt);
        if (await ledger.GetAsync(PipelineStages.Ingest, "all", runHour, cancellationToken) is not null) return;

        object payload;
        if (options.IngestDirectory is { Length: > 0 } folder)
        {
            if (!Directory.Exists(folder))
                throw new ForecasterException($"Forecaster:Jobs:IngestDirectory '{folder}' does not exist.");
            var files = Directory.EnumerateFiles(folder)
                .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
            var summary = files.Count == 0 ? null : await new SnapshotIngestor(store, clock.Provider).IngestAsync(files,
                new SnapshotIngestOptions { Lenient = true, RejectsDirectory = Path.Combine(folder, "quarantine") }, cancellationToken);
            payload = new { source = "snapshots", files = files.Count, rows = summary?.RowsRead ?? 0, rejected = summary?.Rejected ?? 0 };
        }
        else if ((await store.CountHoursAsync(cancellationToken)).Values.Sum() == 0)
        {
            var results = await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = options.SimulatedMarkets }, cancellationToken);
            payload = new { source = "simulated", markets = results.Count, hours = results.Sum(r => r.Inserted) };
        }
        else
        {
            payload = new { source = "none", note = "no Forecaster:Jobs:IngestDirectory configured; the store already holds data" };
        }
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Ingest, "all", runHour, startedAt, JsonSerializer.Serialize(payload)), cancellationToken);
    }
}
