using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Risk.Stress;

namespace Forecaster.Jobs;

/// <summary>
/// The stress scenarios every market's recommendation of one as-of hour is tested against, and each market's peer stress
/// (<see cref="SharedStress"/>). They come from all markets' histories, so they are found once (by the fan-out, where every
/// market's hours are read at once, as <c>propose</c> reads them) and kept in the ledger for the per-market recommend jobs.
/// </summary>
public sealed class StressScenarios(IMarketStore store, IStageLedger ledger, StageClock clock)
{
    private const string Key = "all";

    /// <summary>The recorded scenarios and peer stress of <paramref name="asOf"/>, found and recorded first if there are none yet.</summary>
    public async Task<SharedStress> GetOrFindAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(PipelineStages.Scenarios, Key, asOf, cancellationToken) is { } recorded) return Read(recorded);
        var startedAt = clock.Now;
        var found = await new ProposalService(store).FindSharedStressAsync(asOf, cancellationToken);
        // Two finders racing record one result; both then use the recorded one.
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Scenarios, Key, asOf, startedAt, JsonSerializer.Serialize(found, ForecastPayload.Json)), cancellationToken);
        return Read((await ledger.GetAsync(PipelineStages.Scenarios, Key, asOf, cancellationToken))!);
    }

    private static SharedStress Read(StageRecord record)
    {
        try
        {
            return JsonSerializer.Deserialize<SharedStress>(record.Payload, ForecastPayload.Json)
                ?? throw new ForecasterException($"The recorded stress scenarios of {record.AsOf:yyyy-MM-dd HH:mm} UTC are empty.");
        }
        catch (JsonException e)
        {
            // A record written before the peer stress was part of it is a bare list of scenarios: it cannot size the target by the rule.
            throw new ForecasterException($"The recorded stress scenarios of {record.AsOf:yyyy-MM-dd HH:mm} UTC are not scenarios with peer stress ({e.Message}); remove the record to find them again.");
        }
    }
}
