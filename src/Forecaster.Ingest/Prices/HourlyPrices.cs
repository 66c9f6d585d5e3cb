using Forecaster.Prices;

namespace Forecaster.Ingest.Prices;

/// <summary>
/// Turns irregular observations into one price per UTC hour: the last observation inside the hour (the price the hour
/// closed at, as hourly candles do). Hours without any observation are not invented; they are counted as gaps.
/// </summary>
public static class HourlyPrices
{
    /// <summary>The hourly series and its gaps.</summary>
    /// <param name="observations">Observations in any order; on equal timestamps the later line wins.</param>
    public static (IReadOnlyList<PriceHour> Hours, int MissingHours, int LongestGapHours) From(IEnumerable<PriceObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var lastInHour = new SortedDictionary<long, PriceObservation>();
        foreach (var o in observations)
        {
            var hour = Math.DivRem(o.TimestampMs, 3_600_000L, out var rest) - (rest < 0 ? 1 : 0);
            if (!lastInHour.TryGetValue(hour, out var kept) || (o.TimestampMs, o.Line).CompareTo((kept.TimestampMs, kept.Line)) > 0)
                lastInHour[hour] = o;
        }
        var hours = lastInHour.Select(p => new PriceHour(DateTimeOffset.FromUnixTimeSeconds(p.Key * 3600), p.Value.PriceUsd, p.Value.TimestampMs)).ToList();
        int missing = 0, longest = 0;
        for (var i = 1; i < hours.Count; i++)
        {
            var gap = (int)(hours[i].Hour - hours[i - 1].Hour).TotalHours - 1;
            missing += gap;
            longest = Math.Max(longest, gap);
        }
        return (hours, missing, longest);
    }
}
