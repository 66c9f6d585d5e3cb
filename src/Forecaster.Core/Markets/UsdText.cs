using System.Globalization;

namespace Forecaster.Markets;

/// <summary>USD amounts as people read them in reports: $1.23B, $45.6M, $789K, $12.</summary>
public static class UsdText
{
    /// <summary>The amount with a magnitude suffix; negative amounts keep their sign.</summary>
    public static string Compact(double value)
    {
        var abs = Math.Abs(value);
        var text = abs switch
        {
            >= 1e9 => (abs / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + "B",
            >= 1e6 => (abs / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "M",
            >= 1e3 => (abs / 1e3).ToString("0", CultureInfo.InvariantCulture) + "K",
            _ => abs.ToString("0", CultureInfo.InvariantCulture),
        };
        return (value < 0 ? "-$" : "$") + text;
    }
}
