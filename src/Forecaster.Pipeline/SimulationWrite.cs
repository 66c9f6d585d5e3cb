using Forecaster.Flows;

namespace Forecaster.Pipeline;

/// <summary>What a simulation with an event store (<see cref="SimulationService.SimulateWithEventsAsync"/>, or without events) wrote.</summary>
/// <param name="Hours">One result per market.</param>
/// <param name="Events">The events' logs: inserted, or already stored by the same run before (none for a run without events).</param>
/// <param name="EventsRemoved">Stored events of the rewritten markets removed, from an earlier run with events (only a run without events removes any).</param>
public sealed record SimulationWrite(IReadOnlyList<UpsertResult> Hours, FlowAppendResult Events, long EventsRemoved);
