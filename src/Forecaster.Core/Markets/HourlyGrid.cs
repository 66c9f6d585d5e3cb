namespace Forecaster.Markets;

/// <summary>Helpers for the UTC hourly grid every market state lives on.</summary>
public static class HourlyGrid
{
    /// <summary>One hour.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromHours(1);

    /// <summary>True when the instant is on a whole UTC hour.</summary>
    public static bool IsOnGrid(DateTimeOffset instant) =>
        instant.Offset == TimeSpan.Zero && instant.Ticks % TimeSpan.TicksPerHour == 0;

    /// <summary>The start of the UTC hour containing the instant.</summary>
    public static DateTimeOffset Floor(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
    }

    /// <summary>Index of the last of <paramref name="hours"/> (in time order) at or before the instant, or -1 when none is.</summary>
    public static int LastAtOrBefore(IReadOnlyList<MarketHour> hours, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(hours);
        int lo = 0, hi = hours.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (hours[mid].Hour <= instant) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>Unix seconds of an instant.</summary>
    public static long ToUnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    /// <summary>The UTC instant of unix seconds.</summary>
    public static DateTimeOffset FromUnixSeconds(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}
