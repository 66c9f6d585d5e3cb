using Forecaster.Markets;
using Forecaster.Modeling.TimeSeries.Iid;

namespace Forecaster.Pipeline;

/// <summary>
/// Anomaly markers for the utilization chart: hours whose utilization change is a spike against the past week of
/// changes, by the IID spike detector (adaptive kernel density p-values; each hour judged on earlier hours only).
/// </summary>
public static class UtilizationAnomalies
{
    /// <summary>How the markers are found, for the chart's caption.</summary>
    public const string Method = "IID spike detector on hourly utilization changes, 99.9% confidence, 168 h history";

    /// <summary>Hours from <paramref name="from"/> on whose utilization change the detector flags.</summary>
    public static IReadOnlyList<DateTimeOffset> Find(IReadOnlyList<MarketHour> hours, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var detector = new IidSpikeDetector(new IidSpikeOptions { Confidence = 99.9, PValueHistoryLength = 168 });
        var anomalies = new List<DateTimeOffset>();
        // Warm up on the week before the chart so its first hours are judged against a full history.
        var start = Math.Max(1, FirstIndexAtOrAfter(hours, from - TimeSpan.FromDays(7)));
        for (var i = start; i < hours.Count; i++)
        {
            var point = detector.Process(hours[i].Utilization - hours[i - 1].Utilization);
            if (point.Alert && hours[i].Hour >= from) anomalies.Add(hours[i].Hour);
        }
        return anomalies;
    }

    private static int FirstIndexAtOrAfter(IReadOnlyList<MarketHour> hours, DateTimeOffset instant)
    {
        int lo = 0, hi = hours.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (hours[mid].Hour < instant) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
