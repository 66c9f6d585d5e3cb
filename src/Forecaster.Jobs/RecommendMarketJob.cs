using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The recommend stage for one market. No recommender exists yet (issue 5), so it records exactly that, with the
/// forecast's status so a reader sees which markets would need a proposal; it never invents one. Then it lets the
/// join enqueue publishing once every market of the as-of hour is through.
/// </summary>
public sealed class RecommendMarketJob(IStageLedger ledger, StageClock clock, MorningJoin join)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(string market, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        if (await ledger.GetAsync(PipelineStages.Recommend, market, asOf, cancellationToken) is null)
        {
            var startedAt = clock.Now;
            var forecast = await ledger.GetAsync(PipelineStages.Forecast, market, asOf, cancellationToken);
            string? status = null;
            if (forecast is not null && JsonDocument.Parse(forecast.Payload).RootElement.TryGetProperty("status", out var s)) status = s.GetString();
            var payload = new
            {
                market,
                asOf,
                recommender = "none",
                proposal = (object?)null,
                status,
                needsAction = status is "red" or "amber",
                note = "No recommender is configured yet (issue 5): no proposal is made.",
            };
            await ledger.TryRecordAsync(clock.Record(PipelineStages.Recommend, market, asOf, startedAt, JsonSerializer.Serialize(payload, ForecastPayload.Json)), cancellationToken);
        }
        // Also on a retry after a crash between recording and joining: the join is idempotent.
        await join.MarketDoneAsync(asOf, cancellationToken);
    }
}
