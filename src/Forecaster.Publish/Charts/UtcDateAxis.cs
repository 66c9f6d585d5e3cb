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
        // A tick label is centred on its tick, and the last tick may sit at the data area's right end: without room on
        // the right, "2022-06-21" printed as "2022-06-2". Half a full "yyyy-MM-dd HH:mm" label fits in this margin.
        plot.Axes.Right.MinimumSize = LabelMargin;
    }

    /// <summary>Pixels kept free right of the data area, so the last date label is drawn whole.</summary>
    public const float LabelMargin = 60;

    private static string Format(DateTime date) =>
        date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
