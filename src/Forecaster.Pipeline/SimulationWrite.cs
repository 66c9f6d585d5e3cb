using Forecaster.Flows;

namespace Forecaster.Pipeline;

/// <summary>What <see cref="SimulationService.SimulateWithEventsAsync"/> wrote.</summary>
/// <param name="Hours">One result per market.</param>
/// <param name="Events">The events' logs: inserted, or already stored by the same run before.</param>
public sealed record SimulationWrite(IReadOnlyList<UpsertResult> Hours, FlowAppendResult Events);
