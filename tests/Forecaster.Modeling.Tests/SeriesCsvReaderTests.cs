using Forecaster.Modeling.TimeSeries.Data;
using Forecaster.Modeling.TimeSeries.Ssa;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Modeling.Tests;

public sealed class SeriesCsvReaderTests
{
    [Fact]
    public void Read_PicksTheOnlyValueColumn_WhenTimestampPresent()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "s.csv");
        File.WriteAllText(path, "timestamp,value\n2020-01-01,1.5\n2020-01-02,-2\n\n2020-01-03,3e2\n");

        Assert.Equal([1.5, -2, 300], SeriesCsvReader.Read(path));
    }

    [Fact]
    public void Read_Throws_NamingFileLineAndColumn_WhenValueIsNotANumber()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "s.csv");
        File.WriteAllText(path, "timestamp,value\n2020-01-01,1\n2020-01-02,abc\n");

        var error = Assert.Throws<ForecasterException>(() => SeriesCsvReader.Read(path));

        Assert.Contains("s.csv:3", error.Message);
        Assert.Contains("'value'", error.Message);
    }

    [Fact]
    public void Read_Throws_WhenColumnIsAmbiguous()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "s.csv");
        File.WriteAllText(path, "a,b\n1,2\n");

        var error = Assert.Throws<ForecasterException>(() => SeriesCsvReader.Read(path));

        Assert.Contains("--column", error.Message);
        Assert.Equal([2.0], SeriesCsvReader.Read(path, "b"));
    }

    [Fact]
    public void Read_Throws_WhenNamedColumnMissing()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "s.csv");
        File.WriteAllText(path, "timestamp,value\n1,2\n");

        var error = Assert.Throws<ForecasterException>(() => SeriesCsvReader.Read(path, "price"));

        Assert.Contains("'price'", error.Message);
    }

    [Fact]
    public void Read_Throws_WhenFileMissing() =>
        Assert.Contains("--input", Assert.Throws<ForecasterException>(() => SeriesCsvReader.Read("/nonexistent/x.csv")).Message);

    [Fact]
    public void WriteSsa_WritesHorizonRowsAfterTheSeries()
    {
        var values = Series.Sinusoids(300);
        using var output = new StringWriter();

        TimeSeriesCsvWriter.WriteSsa(values, new SsaForecasterOptions { WindowSize = 40, SeriesLength = 80, TrainSize = 250, Horizon = 5 }, output);

        var lines = output.ToString().Trim().Split('\n');
        Assert.Equal("index,forecast,lower,upper", lines[0]);
        Assert.Equal(6, lines.Length);
        var first = lines[1].Split(',');
        Assert.Equal("300", first[0]);
        Assert.Equal(Series.Sinusoids(1, 300)[0], double.Parse(first[1], System.Globalization.CultureInfo.InvariantCulture), 1e-6);
    }

    [Fact]
    public void Read_ReadsRealNabSeries()
    {
        var path = SharedData.Require("nab", "data", "realKnownCause", "nyc_taxi.csv");

        var values = SeriesCsvReader.Read(path);

        Assert.Equal(10320, values.Length);
    }
}
