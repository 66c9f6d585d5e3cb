using Forecaster.EarlyWarning.Calibration;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// Writes a <see cref="BacktestCalibration"/> as JSON (the Brier decompositions and reliability tables, beside the
/// issue's fixed <c>--json</c> keys, not in them), the same way as the bootstrap's file; NaN is written as "NaN".
/// </summary>
public static class CalibrationJson
{
    /// <summary>Writes the JSON to a file, replacing it atomically.</summary>
    public static void Write(BacktestCalibration calibration, string path) => SideJsonFile.Write(calibration, path);
}
