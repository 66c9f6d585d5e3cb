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

    /// <summary>Unix seconds of an instant.</summary>
    public static long ToUnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    /// <summary>The UTC instant of unix seconds.</summary>
    public static DateTimeOffset FromUnixSeconds(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}
