using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>
/// The brief's traffic lights as a colour scale on shortfall probability (normalized 0–1 = 0–100%): greens below the
/// amber threshold (5%), ambers up to the red threshold (25%), reds above; darker within each band means riskier.
/// Stepping at the status thresholds makes a cell's colour agree with the status table.
/// </summary>
public sealed class RiskColormap : IColormap
{
    private readonly double _amber;
    private readonly double _red;

    /// <summary>Creates the colormap with the status thresholds (defaults: <see cref="Risk.StatusPolicy.Default"/>).</summary>
    public RiskColormap(double? amberProbability = null, double? redProbability = null)
    {
        _amber = amberProbability ?? Risk.StatusPolicy.Default.AmberProbability;
        _red = redProbability ?? Risk.StatusPolicy.Default.RedProbability;
    }

    /// <inheritdoc />
    public string Name => "Forecaster risk";

    /// <inheritdoc />
    public Color GetColor(double normalizedIntensity)
    {
        if (double.IsNaN(normalizedIntensity)) return Colors.LightGray;
        var p = Math.Clamp(normalizedIntensity, 0, 1);
        if (p < _amber) return Mix(Color.FromHex("#C8E6C9"), ChartPalette.Safe, p / _amber);
        if (p < _red) return Mix(Color.FromHex("#FFE0B2"), ChartPalette.Caution, (p - _amber) / (_red - _amber));
        return Mix(Color.FromHex("#EF9A9A"), Color.FromHex("#8E0000"), (p - _red) / (1 - _red));
    }

    private static Color Mix(Color a, Color b, double f) => new(
        (byte)Math.Round(a.R + (b.R - a.R) * f),
        (byte)Math.Round(a.G + (b.G - a.G) * f),
        (byte)Math.Round(a.B + (b.B - a.B) * f));
}
