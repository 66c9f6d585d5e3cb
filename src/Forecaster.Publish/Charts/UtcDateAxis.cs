using System.Globalization;
using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>A bottom axis of UTC dates in ISO form (2025-03-14, or 2025-03-14 06:00 when hours matter): never US month/day order.</summary>
public static class UtcDateAxis
{
    /// <summary>The x coordinate ScottPlot uses for an instant (OLE automation date of its UTC time).</summary>
    public static double X(DateTimeOffset instant) => instant.UtcDateTime.ToOADate();

    /// <summary>Turns the bottom axis into an ISO UTC date axis labelled "Date (UTC)".</summary>
    public static void Apply(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
            automatic.LabelFormatter = Format;
        plot.XLabel("Date (UTC)");
    }

    private static string Format(DateTime date) =>
        date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
