namespace Forecaster.Publish.Proposals;

/// <summary>A past episode at one lead the replay could not judge (too little data before it), counted rather than dropped.</summary>
/// <param name="Market">The market.</param>
/// <param name="Start">The episode's first shortfall hour.</param>
/// <param name="HoursBefore">The lead skipped (24 or 72).</param>
/// <param name="Reason">Why no buffer could be recommended then.</param>
public sealed record TrackRecordSkip(string Market, DateTimeOffset Start, int HoursBefore, string Reason);
