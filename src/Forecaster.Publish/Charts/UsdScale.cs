namespace Forecaster.Publish.Charts;

/// <summary>Picks a readable unit for USD axes (USD, USD thousands, millions, billions) from the largest magnitude drawn.</summary>
/// <param name="Divisor">Divide USD values by this before plotting.</param>
/// <param name="Unit">The unit for the axis label, e.g. "USD millions".</param>
public readonly record struct UsdScale(double Divisor, string Unit)
{
    /// <summary>The scale for values up to <paramref name="maxAbsUsd"/>.</summary>
    public static UsdScale For(double maxAbsUsd) => Math.Abs(maxAbsUsd) switch
    {
        >= 1e9 => new(1e9, "USD billions"),
        >= 1e6 => new(1e6, "USD millions"),
        >= 1e3 => new(1e3, "USD thousands"),
        _ => new(1, "USD"),
    };

    /// <summary>The value in this scale's unit.</summary>
    public double Apply(double usd) => usd / Divisor;
}
