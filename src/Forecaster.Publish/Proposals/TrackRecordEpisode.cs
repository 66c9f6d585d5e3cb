namespace Forecaster.Publish.Proposals;

/// <summary>One past shortfall episode at one lead, as the replay judged the rule's buffer before it.</summary>
/// <param name="Market">The market.</param>
/// <param name="Start">The episode's first shortfall hour.</param>
/// <param name="HoursBefore">How long before the start the buffer was recommended (24 or 72).</param>
/// <param name="DepositsUsd">Deposits then, USD.</param>
/// <param name="BufferUsd">The buffer the rule recommended then, from data up to then only, USD.</param>
/// <param name="OutflowUsd">The largest fall of deposits from then until the episode began, USD.</param>
/// <param name="Covered">True when the buffer met the outflow.</param>
/// <param name="FlatRuleCovered">True when the flat rule's buffer (<see cref="TrackRecord.FlatRuleShare"/> of the deposits then) met it.</param>
public sealed record TrackRecordEpisode(string Market, DateTimeOffset Start, int HoursBefore, double DepositsUsd, double BufferUsd, double OutflowUsd, bool Covered, bool FlatRuleCovered);
