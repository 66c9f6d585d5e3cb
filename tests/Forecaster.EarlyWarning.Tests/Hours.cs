using Forecaster.Markets;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>Hand-made hourly series.</summary>
internal static class Hours
{
    public static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One hour per utilization, deposits fixed (default $100M, eligible).</summary>
    public static MarketHour[] FromUtilization(double[] utilization, double supplied = 100e6) =>
        utilization.Select((u, i) => new MarketHour(T0.AddHours(i), supplied, supplied * u, 0, 1, 2, DataQuality.None, 0, 0)).ToArray();

    /// <summary>Utilization 0.5 everywhere except the given hours, which are at 0.99.</summary>
    public static MarketHour[] WithShortfallAt(int length, params int[] shortfallHours)
    {
        var u = Enumerable.Repeat(0.5, length).ToArray();
        foreach (var h in shortfallHours) u[h] = 0.99;
        return FromUtilization(u);
    }
}
