using System.Globalization;

namespace Forecaster.Pipeline;

/// <summary>One episode at one lead that the replay could not judge, and why (e.g. too little history before it).</summary>
/// <param name="Market">The market.</param>
/// <param name="Start">The episode's first shortfall hour.</param>
/// <param name="HoursBefore">The lead that was skipped (24 or 72).</param>
/// <param name="Reason">Why no buffer could be recommended then.</param>
public sealed record ReplaySkip(string Market, DateTimeOffset Start, int HoursBefore, string Reason)
{
    /// <summary>The skip as the replay prints it: market, start, lead and reason.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Market} {Start:yyyy-MM-dd HH:mm}, {HoursBefore} h before: {Reason}");
}
