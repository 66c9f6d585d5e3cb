using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// Fixes the as-of hour (the latest hour in the store, unless given) and the market list, finds the stress scenarios
/// all recommendations are tested against and the track record all proposals show, then enqueues per market
/// a forecast job and, as its continuation, a recommend job. The last recommend job to finish enqueues publishing.
/// </summary>
public sealed class FanOutMarketsJob(IMarketStore store, IStageLedger ledger, StageClock clock, IBackgroundJobClient jobs, StressScenarios scenarios, TrackRecords trackRecords)
{
    [AutomaticRetry(Attempts = 3, ExceptOn = [typeof(ForecasterException)])]
    public async Task RunAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var startedAt = clock.Now;
        var hour = asOf ?? await store.GetLatestHourAsync(cancellationToken)
            ?? throw new ForecasterException("The store holds no market hours: nothing to forecast (configure Forecaster:Jobs:IngestDirectory or let ingest simulate).");
        // The market list is fixed once per as-of so the join knows how many to wait for, even if a retry sees more markets.
        var fanOut = await ledger.GetAsync(PipelineStages.FanOut, "markets", hour, cancellationToken);
        string[] markets;
        if (fanOut is null)
        {
            markets = (await store.GetMarketsAsync(cancellationToken)).Select(m => m.Name).ToArray();
            if (markets.Length == 0) throw new ForecasterException("The store holds no markets: nothing to forecast.");
            if (!await ledger.TryRecordAsync(clock.Record(PipelineStages.FanOut, "markets", hour, startedAt, JsonSerializer.Serialize(markets)), cancellationToken))
                markets = JsonSerializer.Deserialize<string[]>((await ledger.GetAsync(PipelineStages.FanOut, "markets", hour, cancellationToken))!.Payload)!;
        }
        else
        {
            markets = JsonSerializer.Deserialize<string[]>(fanOut.Payload)!;
        }

        // Both found once here rather than by each of the per-market recommend jobs, which would otherwise race to find them.
        await scenarios.GetOrFindAsync(hour, cancellationToken);
        await trackRecords.GetOrFindAsync(hour, new ProposalOptions().Appetite, cancellationToken);
        foreach (var market in markets)
        {
            // Markets already done (a retry of this job) are skipped by the jobs themselves.
            var forecast = jobs.Enqueue<ForecastMarketJob>(j => j.RunAsync(market, hour, CancellationToken.None));
            jobs.ContinueJobWith<RecommendMarketJob>(forecast, j => j.RunAsync(market, hour, CancellationToken.None));
        }
    }
}
