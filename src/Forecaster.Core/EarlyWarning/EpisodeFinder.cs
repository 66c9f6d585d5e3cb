namespace Forecaster.EarlyWarning;

/// <summary>Merges shortfall hours into episodes.</summary>
public static class EpisodeFinder
{
    /// <summary>
    /// Finds episodes: consecutive shortfall hours less than <paramref name="mergeGap"/> apart belong to one episode.
    /// </summary>
    /// <param name="times">Hour starts, ascending.</param>
    /// <param name="shortfall">Shortfall flag per hour, same length.</param>
    /// <param name="mergeGap">Gap (from one shortfall hour to the next) below which they merge; positive.</param>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static IReadOnlyList<ShortfallEpisode> Find(DateTimeOffset[] times, bool[] shortfall, TimeSpan mergeGap)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(shortfall);
        if (times.Length != shortfall.Length) throw new ArgumentException("times and shortfall must have the same length.", nameof(shortfall));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(mergeGap, TimeSpan.Zero);

        var episodes = new List<ShortfallEpisode>();
        var start = -1;
        var lastHour = -1;
        var count = 0;
        for (var i = 0; i < times.Length; i++)
        {
            if (!shortfall[i]) continue;
            if (start >= 0 && times[i] - times[lastHour] < mergeGap)
            {
                lastHour = i;
                count++;
                continue;
            }
            if (start >= 0) episodes.Add(new ShortfallEpisode(times[start], times[lastHour], count, start));
            start = i;
            lastHour = i;
            count = 1;
        }
        if (start >= 0) episodes.Add(new ShortfallEpisode(times[start], times[lastHour], count, start));
        return episodes;
    }
}
