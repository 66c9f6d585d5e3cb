namespace Forecaster.Modeling.Features;

/// <summary>One market's features: a row per hour, <see cref="ShortfallFeatureBuilder.Names"/> columns, row-major.</summary>
/// <param name="Name">Market name.</param>
/// <param name="Rows">Number of rows (the market's hours).</param>
/// <param name="Values">Row-major values, <c>Rows × ShortfallFeatureBuilder.Count</c>; NaN where a value is unknown.</param>
public sealed record FeatureMatrix(string Name, int Rows, float[] Values)
{
    /// <summary>The row of hour <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Row(int i) => Values.AsSpan(i * ShortfallFeatureBuilder.Count, ShortfallFeatureBuilder.Count);
}
