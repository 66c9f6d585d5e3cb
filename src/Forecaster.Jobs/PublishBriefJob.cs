using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Risk;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The publish stage: assembles the morning brief for the as-of hour with <see cref="BriefService"/> (the service
/// <c>forecaster brief</c> calls) in <see cref="JobsOptions.ReportsDirectory"/> from the parts the forecast jobs stored
/// and the actions the recommend jobs recorded; only the heat map and the brief files are made here, plus any market's
/// part that is missing (made in place, the same way), and who holds each market's deposits where the store knows. Keyed by the as-of hour: a second run, or a retry after a worker
/// died mid-write, leaves one brief and one record.
/// </summary>
public sealed class PublishBriefJob(IMarketStore store, IStageLedger ledger, StageClock clock, AccountFlowReader holders, JobsOptions options)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 30, 60, 300, 600], ExceptOn = [typeof(ForecasterException), typeof(ArgumentException)])]
    public async Task RunAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(PipelineStages.Publish, "brief", asOf, cancellationToken) is not null) return;
        var startedAt = clock.Now;
        var directory = BriefService.DirectoryFor(options.ReportsDirectory, asOf);
        var ready = new Dictionary<string, MarketBriefPart>(StringComparer.Ordinal);
        foreach (var market in await store.GetMarketsAsync(cancellationToken))
        {
            if (await BriefPartFiles.ReadAsync(directory, market.Name, asOf, cancellationToken) is { } part) ready[market.Name] = part;
        }
        var recommendations = (await ledger.ListAsync(PipelineStages.Recommend, asOf, cancellationToken)).Select(RecommendPayload.Read).ToList();
        var service = new BriefService(store, clock.Provider)
        {
            ReadyParts = ready,
            Recommendations = RecommendedActions.RiskiestFirst(recommendations.Select(r => (r.ShortfallProbability24h ?? -1, r.Market, r.Actions))),
            // Needs every market at once, which no per-market job sees: computed here, as the CLI's proposal run does.
            CorrelatedStress = await new ProposalService(store).CorrelatedStressAsync(asOf, cancellationToken),
            AccountFlows = await holders.LoadAsync(asOf, cancellationToken: cancellationToken),
        };
        var result = await service.CreateAsync(new BriefOptions { OutputDirectory = options.ReportsDirectory, AsOf = asOf }, cancellationToken);
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
            partsReady = ready.Count,
            partsMadeHere = result.Brief.Entries.Count - ready.Count,
            recommendedActions = result.Brief.Recommendations.Count,
        };
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Publish, "brief", asOf, startedAt, JsonSerializer.Serialize(payload, ForecastPayload.Json)), cancellationToken);
    }
}
