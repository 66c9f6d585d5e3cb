namespace Forecaster.Publish.Proposals;

/// <summary>The track record over one market's past episodes, or over all markets'.</summary>
/// <param name="Episodes">Distinct past episodes (each judged at up to two leads).</param>
/// <param name="Leads">Per lead, 24 h then 72 h: how many were judged, covered and skipped.</param>
public sealed record TrackRecordTally(int Episodes, IReadOnlyList<TrackRecordLead> Leads);
