using System.IO.Compression;
using Forecaster.Modeling.Persistence;
using Forecaster.Modeling.TimeSeries.Iid;
using Forecaster.Modeling.TimeSeries.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Forecaster.Modeling.Tests;

public sealed class TimeSeriesCatalogTests
{
    private sealed class Point
    {
        public float Value { get; set; }
    }

    private static IDataView Load(MLContext ml, IEnumerable<double> values) =>
        ml.Data.LoadFromEnumerable(values.Select(v => new Point { Value = (float)v }).ToList());

    private static List<T[]> Column<T>(IDataView data, string name) =>
        data.GetColumn<VBuffer<T>>(data.Schema[name]).Select(v => v.DenseValues().ToArray()).ToList();

    [Fact]
    public void ForecastBySsa_ForecastsSinusoidsOnLastRow_WhenFittedThroughMLContext()
    {
        var ml = new MLContext(seed: 1);
        var series = Series.Sinusoids(524);
        var data = Load(ml, series.Take(500));
        var estimator = ml.Forecasting.ForecastBySsa("Forecast", "Value", windowSize: 40, seriesLength: 80, trainSize: 400, horizon: 24,
            confidenceLowerBoundColumn: "Lower", confidenceUpperBoundColumn: "Upper");

        var model = estimator.Fit(data);
        var transformed = model.Transform(data);
        var forecasts = Column<float>(transformed, "Forecast");
        var lower = Column<float>(transformed, "Lower");
        var upper = Column<float>(transformed, "Upper");

        Assert.Equal(500, forecasts.Count);
        for (var h = 0; h < 24; h++)
        {
            // The input column is Single, so the agreement is to float precision.
            Assert.Equal(series[500 + h], forecasts[^1][h], 1e-4);
            Assert.True(lower[^1][h] <= forecasts[^1][h] && forecasts[^1][h] <= upper[^1][h]);
        }
        // SchemaShape's factory is internal to ML.NET; an empty shape still exercises the schema check before Fit.
        Assert.Throws<ArgumentException>(() => estimator.GetOutputSchema(new SchemaShape([])));
    }

    [Fact]
    public void SaveTimeSeriesModel_LoadedSsaGivesIdenticalOutputs()
    {
        var ml = new MLContext(seed: 1);
        var noisy = Series.Add(Series.Sinusoids(600), Series.Gaussian(600, 0.2, 2));
        var data = Load(ml, noisy);
        var model = ml.Forecasting.ForecastBySsa("Forecast", "Value", 30, 90, 400, 12, isAdaptive: true, discountFactor: 0.98f).Fit(data);
        using var stream = new MemoryStream();

        ml.Model.SaveTimeSeriesModel(model, stream);
        stream.Position = 0;
        var loaded = Assert.IsType<SsaForecastingTransformer>(ml.Model.LoadTimeSeriesModel(stream));

        Assert.Equal(Column<float>(model.Transform(data), "Forecast"), Column<float>(loaded.Transform(data), "Forecast"));
        Assert.Equal(model.Rank, loaded.Rank);
    }

    [Fact]
    public void SaveTimeSeriesModel_LoadedDetectorsGiveIdenticalOutputs()
    {
        var ml = new MLContext(seed: 1);
        var values = Series.Gaussian(400, 1, 3);
        for (var i = 250; i < 400; i++) values[i] += 4;
        values[120] += 9;
        var data = Load(ml, values);
        TimeSeriesTransformer[] models =
        [
            ml.Transforms.DetectAnomalyBySrCnn("Out", "Value").Fit(data),
            ml.Transforms.DetectIidSpike("Out", "Value", confidence: 99, pvalueHistoryLength: 50).Fit(data),
            ml.Transforms.DetectIidChangePoint("Out", "Value", confidence: 95, changeHistoryLength: 50, MartingaleType.Mixture).Fit(data),
            ml.Transforms.DetectAnomalyByRelativeEntropy("Out", "Value", windowSize: 40, suppressionLength: 20).Fit(data),
        ];

        foreach (var model in models)
        {
            using var stream = new MemoryStream();
            ml.Model.SaveTimeSeriesModel(model, stream);
            stream.Position = 0;
            var loaded = ml.Model.LoadTimeSeriesModel(stream);

            Assert.IsType(model.GetType(), loaded);
            var expected = Column<double>(model.Transform(data), "Out");
            Assert.Equal(expected, Column<double>(loaded.Transform(data), "Out"));
            Assert.Contains(expected, row => row[0] == 1);
        }
    }

    [Fact]
    public void DetectAnomalyByRelativeEntropy_FlagsSpikeRow_WhenTransformed()
    {
        var ml = new MLContext(seed: 1);
        var values = Series.Gaussian(300, 1, 12);
        values[200] = 10;
        var data = Load(ml, values);

        var output = Column<double>(ml.Transforms.DetectAnomalyByRelativeEntropy("Out", "Value").Fit(data).Transform(data), "Out");

        Assert.Equal(1, output[200][0]);
        Assert.True(output[200][1] > 30, $"G = {output[200][1]}");
        Assert.True(output[200][2] < 1e-5);
        Assert.Equal(0, output[201][0]);
    }

    [Fact]
    public void DetectIidSpike_FlagsSpikeRow_WhenTransformed()
    {
        var ml = new MLContext(seed: 1);
        var values = Series.Gaussian(300, 1, 12);
        values[200] = 10;
        var data = Load(ml, values);

        var output = Column<double>(ml.Transforms.DetectIidSpike("Out", "Value", 99.9, 100).Fit(data).Transform(data), "Out");

        Assert.Equal(1, output[200][0]);
        Assert.Equal(10, output[200][1], 1e-6);
        Assert.True(output[200][2] < 1e-4);
    }

    [Fact]
    public void DetectEntireAnomalyBySrCnn_FlagsSpikeRow()
    {
        var ml = new MLContext(seed: 1);
        var values = Series.Add(Series.Sinusoids(500), Series.Gaussian(500, 0.05, 1));
        values[321] += 6;
        var data = Load(ml, values);

        var output = Column<double>(ml.AnomalyDetection.DetectEntireAnomalyBySrCnn(data, "Out", "Value", batchSize: -1), "Out");

        Assert.Equal(1, output[321][0]);
        Assert.Equal(6, output[0].Length);
        Assert.True(output[321][4] < values[321]);
    }

    [Fact]
    public void Fit_Throws_WhenInputColumnMissing()
    {
        var ml = new MLContext(seed: 1);
        var data = Load(ml, Series.Sinusoids(100));

        var error = Assert.Throws<ArgumentException>(() => ml.Transforms.DetectIidSpike("Out", "Price", 95, 20).Fit(data));

        Assert.Contains("'Price'", error.Message);
    }

    [Fact]
    public void LoadTimeSeriesModel_Throws_WhenFormatVersionIsUnknown()
    {
        var ml = new MLContext(seed: 1);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new BinaryWriter(zip.CreateEntry(TimeSeriesModelOperations.EntryName).Open()))
            StateHeader.Write(writer, "transformer", 2);
        stream.Position = 0;

        var error = Assert.Throws<ModelFormatException>(() => ml.Model.LoadTimeSeriesModel(stream));

        Assert.Contains("version 2", error.Message);
    }

    [Fact]
    public void LoadTimeSeriesModel_Throws_WhenStreamIsNotAZip()
    {
        var ml = new MLContext(seed: 1);
        using var stream = new MemoryStream([1, 2, 3, 4, 5]);

        Assert.Throws<ModelFormatException>(() => ml.Model.LoadTimeSeriesModel(stream));
    }
}
