using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Risk.Stress;

namespace Forecaster.Jobs;

/// <summary>
/// The stress scenarios every market's recommendation of one as-of hour is tested against. They come from all markets'
/// histories, so they are found once (by the fan-out) and kept in the ledger for the per-market recommend jobs.
/// </summary>
public sealed class StressScenarios(IMarketStore store, IStageLedger ledger, StageClock clock)
{
    private const string Key = "all";

    /// <summary>The recorded scenarios of <paramref name="asOf"/>, found and recorded first if there are none yet.</summary>
    public async Task<IReadOnlyList<StressScenario>> GetOrFindAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(PipelineStages.Scenarios, Key, asOf, cancellationToken) is { } recorded) return Read(recorded);
        var startedAt = clock.Now;
        var found = await new ProposalService(store).FindScenariosAsync(asOf, cancellationToken);
        // Two finders racing record one result; both then use the recorded one.
        await ledger.TryRecordAsync(clock.Record(PipelineStages.Scenarios, Key, asOf, startedAt, JsonSerializer.Serialize(found, ForecastPayload.Json)), cancellationToken);
        return Read((await ledger.GetAsync(PipelineStages.Scenarios, Key, asOf, cancellationToken))!);
    }

    private static IReadOnlyList<StressScenario> Read(StageRecord record) =>
        JsonSerializer.Deserialize<List<StressScenario>>(record.Payload, ForecastPayload.Json)
        ?? throw new ForecasterException($"The recorded stress scenarios of {record.AsOf:yyyy-MM-dd HH:mm} UTC are empty.");
}
