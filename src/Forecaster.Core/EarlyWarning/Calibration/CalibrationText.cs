using System.Globalization;

namespace Forecaster.EarlyWarning.Calibration;

/// <summary>The lines <c>forecaster backtest</c> prints under its table: the Brier decomposition and the model's reliability table.</summary>
public static class CalibrationText
{
    /// <summary>Decomposition of the model and the rule, each market's model skill with its reliability and resolution, then the model's reliability table.</summary>
    public static IEnumerable<string> Lines(BacktestCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        yield return "Brier decomposition (10 bins on a 1-2-5 log grid; brier = rel - res + unc + wbVar - 2 wbCov; ref = brier of the training base rate = unc + shift):";
        yield return $"{"",-16}{"brier",9}{"rel",9}{"res",9}{"unc",9}{"wbVar",9}{"wbCov",9}{"ref",9}{"shift",9}{"testRate",9}{"refRate",9}{"brierSk",8}";
        yield return Row("model", calibration.Model);
        yield return Row("threshold rule", calibration.ThresholdRule);
        foreach (var market in calibration.Markets) yield return Row("  " + market.Name, market.Model);
        yield return "model reliability table:";
        yield return $"{"bin",-12}{"hours",9}{"meanP",9}{"observed",9}";
        foreach (var bin in calibration.Model.Bins)
            yield return $"{$"[{F(bin.Lower)}, {F(bin.Upper)}{(bin.Upper >= 1 ? "]" : ")")}",-12}{bin.Count,9}{F(bin.MeanForecast),9}{F(bin.ObservedFrequency),9}";
    }

    private static string Row(string name, BrierDecomposition d) =>
        $"{name,-16}{F(d.Brier),9}{F(d.Reliability),9}{F(d.Resolution),9}{F(d.Uncertainty),9}{F(d.WithinBinVariance),9}{F(d.WithinBinCovariance),9}{F(d.ReferenceBrier),9}{F(d.BaseRateShift),9}{F(d.ObservedFrequency),9}{F(d.MeanReference),9}{F3(d.BrierSkill),8}";

    // Brier terms of a rare event are small: five decimals keep their ratios readable.
    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.#####", CultureInfo.InvariantCulture) : "-";

    private static string F3(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}
