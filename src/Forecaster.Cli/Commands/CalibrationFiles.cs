using Forecaster.EarlyWarning.Calibration;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Publish.Charts;

namespace Forecaster.Cli.Commands;

/// <summary>
/// The backtest's calibration output: the Brier decomposition printed under its table, and the optional
/// <c>--calibration-json</c> and <c>--calibration-chart</c> files, whose paths are checked before the backtest runs so a
/// bad one fails in a second, not after minutes of fitting.
/// </summary>
internal sealed class CalibrationFiles
{
    private readonly string? _json;
    private readonly string? _chart;

    /// <exception cref="ForecasterException">A path cannot be written (its folder is a file) or the chart's is neither .png nor .svg.</exception>
    public CalibrationFiles(string? json, string? chart)
    {
        _json = string.IsNullOrWhiteSpace(json) ? null : json;
        _chart = string.IsNullOrWhiteSpace(chart) ? null : chart;
        if (_json is not null) CheckWritable("--calibration-json", _json);
        if (_chart is null) return;
        if (Path.GetExtension(_chart).ToLowerInvariant() is not (".png" or ".svg"))
            throw new ForecasterException($"--calibration-chart: the file must end in .png or .svg: {_chart}");
        CheckWritable("--calibration-chart", _chart);
    }

    /// <summary>Prints the decomposition and writes the files asked for.</summary>
    public void PrintAndWrite(BacktestResult result, string mode)
    {
        var calibration = BacktestCalibration.Of(result.ModelScores, result.RuleScores);
        foreach (var line in CalibrationText.Lines(calibration)) Console.WriteLine(line);
        if (_json is not null)
        {
            CalibrationJson.Write(calibration, _json);
            Console.WriteLine($"calibration json {Path.GetFullPath(_json)}");
        }
        if (_chart is not null)
        {
            var plot = ReliabilityDiagram.Create($"Reliability, {mode} backtest", [("model", calibration.Model), ("threshold rule", calibration.ThresholdRule)]);
            ChartFiles.SaveAs(plot, _chart, ReliabilityDiagram.Size);
            Console.WriteLine($"calibration chart {Path.GetFullPath(_chart)}");
        }
    }

    /// <summary>Fails when the nearest existing folder on the path is a file (the write would fail after the backtest).</summary>
    private static void CheckWritable(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new ForecasterException($"{option}: {path} is a folder; give a file name.");
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder)) return;
            if (File.Exists(folder)) throw new ForecasterException($"{option}: cannot write {path}: {folder} is a file, not a folder.");
        }
    }
}
