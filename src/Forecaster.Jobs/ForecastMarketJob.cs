using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The forecast stage for one market: makes the market's share of the brief with <see cref="BriefService"/> (the
/// assessment at 24 h and 72 h, the charts, the probability history), stores it as a brief part beside the brief, and
/// records the assessment, which the API serves. Drawing the charts here, one job per market, is what lets several
/// workers share the morning's heaviest work. Keyed by (market, as-of); a rerun overwrites the same part and charts.
/// </summary>
public sealed class ForecastMarketJob(IMarketStore store, IStageLedger ledger, StageClock clock, JobsOptions options)
{
    [AutomaticRetry(Attempts = 3, ExceptOn = [typeof(ForecasterException), typeof(ArgumentException)])]
    public async Task RunAsync(string market, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        if (await ledger.GetAsync(PipelineStages.Forecast, market, asOf, cancellationToken) is not null) return;
        var startedAt = clock.Now;
        var info = (await store.GetMarketsAsync(cancellationToken)).FirstOrDefault(m => m.Name == market) ?? throw new UnknownMarketException(market);
        var briefOptions = new BriefOptions { OutputDirectory = options.ReportsDirectory, AsOf = asOf };
        var part = await new BriefService(store, clock.Provider).CreatePartAsync(info, asOf, briefOptions, cancellationToken);
        await BriefPartFiles.WriteAsync(BriefService.DirectoryFor(options.ReportsDirectory, asOf), part, cancellationToken);

        // Too little history is an answer about the market, not a failure of the job: it is recorded as the problem.
        object payload = part.Entry.Assessment is { } assessment
            ? ForecastPayload.Of(assessment)
            : new { market, asOf, problem = part.Entry.Problem };
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Forecast, market, asOf, startedAt, JsonSerializer.Serialize(payload, ForecastPayload.Json)), cancellationToken);
    }
}
