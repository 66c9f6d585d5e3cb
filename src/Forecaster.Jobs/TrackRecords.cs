using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Publish.Proposals;
using Forecaster.Recommend;

namespace Forecaster.Jobs;

/// <summary>
/// The track record every proposal of one as-of hour shows (<see cref="ReplayTrackRecord"/>): a replay of all markets'
/// past episodes, the same for each market, so it is found once (by the fan-out) and kept in the ledger for the
/// per-market recommend jobs, as <see cref="StressScenarios"/> are. Keyed by risk profile, which the replay depends on.
/// </summary>
public sealed class TrackRecords(IMarketStore store, IStageLedger ledger, StageClock clock)
{
    /// <summary>The recorded track record of <paramref name="asOf"/> under <paramref name="appetite"/>, found and recorded first if there is none yet.</summary>
    public async Task<TrackRecord> GetOrFindAsync(DateTimeOffset asOf, RiskAppetite appetite, CancellationToken cancellationToken)
    {
        var key = appetite.ToString().ToLowerInvariant();
        if (await ledger.GetAsync(PipelineStages.TrackRecord, key, asOf, cancellationToken) is { } recorded) return Read(recorded);
        var startedAt = clock.Now;
        var found = await ReplayTrackRecord.FindAsync(store, appetite, asOf, cancellationToken);
        // Two finders racing record one result; both then use the recorded one.
        await ledger.TryRecordAsync(clock.Record(PipelineStages.TrackRecord, key, asOf, startedAt, JsonSerializer.Serialize(found, ForecastPayload.Json)), cancellationToken);
        return Read((await ledger.GetAsync(PipelineStages.TrackRecord, key, asOf, cancellationToken))!);
    }

    private static TrackRecord Read(StageRecord record) =>
        JsonSerializer.Deserialize<TrackRecord>(record.Payload, ForecastPayload.Json)
        ?? throw new ForecasterException($"The recorded track record of {record.AsOf:yyyy-MM-dd HH:mm} UTC is empty.");
}
