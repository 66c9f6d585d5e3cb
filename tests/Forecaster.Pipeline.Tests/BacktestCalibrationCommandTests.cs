using System.Text.Json;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>`forecaster backtest`'s Brier decomposition, <c>--calibration-json</c> and <c>--calibration-chart</c>, as a user runs them.</summary>
public class BacktestCalibrationCommandTests
{
    [Fact]
    public async Task Backtest_PrintsTheDecompositionAndWritesItsJsonAndChart_OnARealSplit()
    {
        var files = SharedData.AaveV2Files();
        string Market(string name) => files.Single(f => Path.GetFileName(f).Contains(name, StringComparison.Ordinal));
        using var temp = new TempDirectory("cli-calibration");

        var result = await ForecasterProcess.RunAsync(temp.Path,
            ["backtest", "--train", Market("dai"), "--test", Market("usdt"), "--bootstrap-resamples", "0", "--json", "b.json", "--calibration-json", "out/calibration.json", "--calibration-chart", "out/reliability.svg"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Brier decomposition (10 bins on a 1-2-5 log grid;", result.Output);
        Assert.Contains("model reliability table:", result.Output);
        var ct = TestContext.Current.CancellationToken;
        using var backtest = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(temp.File("b.json"), ct));
        using var calibration = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(temp.File(Path.Combine("out", "calibration.json")), ct));
        var root = calibration.RootElement;
        // The issue's JSON keeps its keys; the decomposition's skill is the backtest's, for the model and the rule.
        Assert.Equal(["summary", "baselines", "forecast", "markets"], backtest.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(backtest.RootElement.GetProperty("summary").GetProperty("brierSkill").GetDouble(), root.GetProperty("Model").GetProperty("BrierSkill").GetDouble(), 6);
        Assert.Equal(backtest.RootElement.GetProperty("baselines").GetProperty("thresholdRule").GetProperty("brierSkill").GetDouble(), root.GetProperty("ThresholdRule").GetProperty("BrierSkill").GetDouble(), 6);
        var model = root.GetProperty("Model");
        var bins = model.GetProperty("Bins").EnumerateArray().ToArray();
        Assert.Equal(10, bins.Length);
        Assert.Equal(model.GetProperty("Count").GetInt64(), bins.Sum(b => b.GetProperty("Count").GetInt64()));
        // The identity with the within-bin terms holds in what was written.
        double Term(string name) => model.GetProperty(name).GetDouble();
        Assert.Equal(Term("Brier"), Term("Reliability") - Term("Resolution") + Term("Uncertainty") + Term("WithinBinVariance") - 2 * Term("WithinBinCovariance"), 10);
        Assert.Equal(Term("ReferenceBrier") - Term("Uncertainty"), Term("BaseRateShift"), 12);
        var market = Assert.Single(root.GetProperty("Markets").EnumerateArray());
        Assert.Equal("aave_v2_usdt", market.GetProperty("Name").GetString());
        var svg = await System.IO.File.ReadAllTextAsync(temp.File(Path.Combine("out", "reliability.svg")), ct);
        Assert.Equal("svg", System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName);
        Assert.Contains("perfectly calibrated", svg);
    }

    [Theory]
    [InlineData("error: --calibration-chart: the file must end in .png or .svg: reliability.txt", "--calibration-chart", "reliability.txt")]
    [InlineData("error: --calibration-json: out is a folder; give a file name.", "--calibration-json", "out")]
    public async Task Backtest_NamesTheOptionAndThePath_WhenACalibrationFileCannotBeWritten(string expected, string option, string path)
    {
        var files = SharedData.AaveV2Files();
        using var temp = new TempDirectory("cli-calibration");
        Directory.CreateDirectory(temp.File("out"));

        var result = await ForecasterProcess.RunAsync(temp.Path, "backtest", "--train", files[0], option, path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.Error.Trim());
        Assert.Empty(Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Backtest_NamesTheFileInTheWay_WhenTheCalibrationJsonsFolderIsAFile()
    {
        var files = SharedData.AaveV2Files();
        using var temp = new TempDirectory("cli-calibration");
        await System.IO.File.WriteAllTextAsync(temp.File("taken"), "not a folder", TestContext.Current.CancellationToken);

        var result = await ForecasterProcess.RunAsync(temp.Path, "backtest", "--train", files[0], "--calibration-json", "taken/calibration.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: --calibration-json: cannot write taken/calibration.json: {temp.File("taken")} is a file, not a folder.", result.Error.Trim());
    }
}
