using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Risk;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The forecast stage for one market: assesses it at the as-of hour with the baseline model (24 h and 72 h horizons)
/// and records the assessment, which the API serves. Keyed by (market, as-of).
/// </summary>
public sealed class ForecastMarketJob(IMarketStore store, IStageLedger ledger, StageClock clock)
{
    private static readonly TimeSpan[] Horizons = [TimeSpan.FromHours(24), TimeSpan.FromHours(72)];

    [AutomaticRetry(Attempts = 3, ExceptOn = [typeof(ForecasterException), typeof(ArgumentException)])]
    public async Task RunAsync(string market, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        if (await ledger.GetAsync(PipelineStages.Forecast, market, asOf, cancellationToken) is not null) return;
        var startedAt = clock.Now;
        var info = (await store.GetMarketsAsync(cancellationToken)).FirstOrDefault(m => m.Name == market) ?? throw new UnknownMarketException(market);
        var from = asOf - new BaselineRiskOptions().Lookback - TimeSpan.FromDays(4);
        var hours = await store.GetHoursAsync(market, from, asOf, cancellationToken);
        object payload;
        try
        {
            payload = hours.Count == 0
                ? new { market, asOf, problem = $"no data at or before {asOf:yyyy-MM-dd HH:mm} UTC" }
                : ForecastPayload.Of(new BaselineRiskModel().Assess(info, hours, asOf, Horizons));
        }
        catch (InsufficientHistoryException e)
        {
            // Too little history is an answer about the market, not a failure of the job: record it and go on.
            payload = new { market, asOf, problem = e.Message };
        }
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Forecast, market, asOf, startedAt, JsonSerializer.Serialize(payload, ForecastPayload.Json)), cancellationToken);
    }
}
