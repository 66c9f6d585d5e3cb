namespace Forecaster.Publish.Proposals;

/// <summary>How the rule did at one lead over a set of past episodes.</summary>
/// <param name="HoursBefore">The lead (24 or 72 hours before each episode).</param>
/// <param name="Judged">Episodes the replay judged at this lead.</param>
/// <param name="Covered">Of those, how many the rule's buffer covered.</param>
/// <param name="FlatRuleCovered">Of the same, how many the flat rule covered.</param>
/// <param name="Skipped">Episodes not judged at this lead (too little data before them).</param>
public sealed record TrackRecordLead(int HoursBefore, int Judged, int Covered, int FlatRuleCovered, int Skipped);
