using Forecaster.Modeling.TimeSeries.Iid;
using Forecaster.Modeling.TimeSeries.RelativeEntropy;
using Forecaster.Modeling.TimeSeries.SpectralResidual;
using Forecaster.Modeling.TimeSeries.Ssa;
using Microsoft.ML;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Entry points with the names and catalogs of Microsoft.ML.TimeSeries (<c>mlContext.Forecasting.ForecastBySsa</c>,
/// <c>mlContext.Transforms.DetectIidSpike</c>, <c>DetectIidChangePoint</c>, <c>DetectAnomalyBySrCnn</c>,
/// <c>mlContext.AnomalyDetection.DetectEntireAnomalyBySrCnn</c>), so code written for that package reads the same here.
/// Extension methods on ML.NET's own catalogs were chosen over a separate Forecaster catalog for that reason; the
/// package is not restorable here, so the names cannot clash.
/// </summary>
public static class TimeSeriesCatalogExtensions
{
    /// <summary>SSA forecasting: Fit learns the series' subspace; each transformed row outputs the next Horizon forecasts.</summary>
    /// <param name="catalog">mlContext.Forecasting.</param>
    /// <param name="outputColumnName">Forecast column (Single vector of length horizon).</param>
    /// <param name="inputColumnName">Numeric input column.</param>
    /// <param name="windowSize">Embedding window L, in [2, trainSize/2].</param>
    /// <param name="seriesLength">Observation buffer length, above windowSize.</param>
    /// <param name="trainSize">Leading rows used to fit, at least 2 × windowSize.</param>
    /// <param name="horizon">Steps forecast, at least 1.</param>
    /// <param name="isAdaptive">Whether new observations update the model.</param>
    /// <param name="discountFactor">Adaptive discount in (0, 1].</param>
    /// <param name="rank">Signal rank; null chooses it automatically.</param>
    /// <param name="maxRank">Largest automatic rank; null means windowSize/2.</param>
    /// <param name="shouldStabilize">Pull recurrence roots outside the unit circle onto it.</param>
    /// <param name="confidenceLowerBoundColumn">Lower-bound column, or null.</param>
    /// <param name="confidenceUpperBoundColumn">Upper-bound column, or null.</param>
    /// <param name="confidenceLevel">Interval coverage in (0, 1).</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public static SsaForecastingEstimator ForecastBySsa(this ForecastingCatalog catalog, string outputColumnName, string inputColumnName,
        int windowSize, int seriesLength, int trainSize, int horizon, bool isAdaptive = false, float discountFactor = 1,
        int? rank = null, int? maxRank = null, bool shouldStabilize = true,
        string? confidenceLowerBoundColumn = null, string? confidenceUpperBoundColumn = null, float confidenceLevel = 0.95f)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var options = new SsaForecasterOptions
        {
            WindowSize = windowSize, SeriesLength = seriesLength, TrainSize = trainSize, Horizon = horizon, IsAdaptive = isAdaptive,
            DiscountFactor = discountFactor, Rank = rank, MaxRank = maxRank, ShouldStabilize = shouldStabilize, ConfidenceLevel = confidenceLevel,
        };
        return new SsaForecastingEstimator(outputColumnName, inputColumnName, options, confidenceLowerBoundColumn, confidenceUpperBoundColumn);
    }

    /// <summary>Streaming spectral-residual anomaly detection; output [Alert, Raw Score, Magnitude].</summary>
    /// <param name="catalog">mlContext.Transforms.</param>
    /// <param name="outputColumnName">Output column (Double vector of 3).</param>
    /// <param name="inputColumnName">Numeric input column.</param>
    /// <param name="windowSize">Sliding window, in [8, 100000].</param>
    /// <param name="backAddWindowSize">Extrapolated points appended, in [1, windowSize].</param>
    /// <param name="lookaheadWindowSize">Points behind the extrapolation gradient, in [1, windowSize-1].</param>
    /// <param name="averagingWindowSize">Log-spectrum moving-average width, in [1, windowSize].</param>
    /// <param name="judgementWindowSize">Preceding saliency values compared with, in [1, windowSize-1].</param>
    /// <param name="threshold">Raw-score alert threshold, in [0, 100].</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public static TrivialEstimator<SrCnnAnomalyTransformer> DetectAnomalyBySrCnn(this TransformsCatalog catalog, string outputColumnName, string inputColumnName,
        int windowSize = SrCnnOptions.Defaults.WindowSize, int backAddWindowSize = SrCnnOptions.Defaults.BackAddWindowSize,
        int lookaheadWindowSize = SrCnnOptions.Defaults.LookaheadWindowSize, int averagingWindowSize = SrCnnOptions.Defaults.AveragingWindowSize,
        int judgementWindowSize = SrCnnOptions.Defaults.JudgementWindowSize, double threshold = SrCnnOptions.Defaults.Threshold)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var options = new SrCnnOptions
        {
            WindowSize = windowSize, BackAddWindowSize = backAddWindowSize, LookaheadWindowSize = lookaheadWindowSize,
            AveragingWindowSize = averagingWindowSize, JudgementWindowSize = judgementWindowSize, Threshold = threshold,
        };
        return new(new SrCnnAnomalyTransformer(inputColumnName, outputColumnName, options));
    }

    /// <summary>IID spike detection; output [Alert, Raw Score, P-Value].</summary>
    /// <param name="catalog">mlContext.Transforms.</param>
    /// <param name="outputColumnName">Output column (Double vector of 3).</param>
    /// <param name="inputColumnName">Numeric input column.</param>
    /// <param name="confidence">Confidence in percent, in (0, 100).</param>
    /// <param name="pvalueHistoryLength">History length, in [3, 100000].</param>
    /// <param name="side">Which deviations count.</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public static TrivialEstimator<IidSpikeTransformer> DetectIidSpike(this TransformsCatalog catalog, string outputColumnName, string inputColumnName,
        double confidence, int pvalueHistoryLength, AnomalySide side = AnomalySide.TwoSided)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var options = new IidSpikeOptions { Confidence = confidence, PValueHistoryLength = pvalueHistoryLength, Side = side };
        return new(new IidSpikeTransformer(inputColumnName, outputColumnName, options));
    }

    /// <summary>IID change-point detection; output [Alert, Raw Score, P-Value, Martingale value].</summary>
    /// <param name="catalog">mlContext.Transforms.</param>
    /// <param name="outputColumnName">Output column (Double vector of 4).</param>
    /// <param name="inputColumnName">Numeric input column.</param>
    /// <param name="confidence">Confidence in percent, in (0, 100).</param>
    /// <param name="changeHistoryLength">History and martingale window, in [3, 100000].</param>
    /// <param name="martingale">Power or mixture.</param>
    /// <param name="eps">ε of the power martingale, in (0, 1).</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public static TrivialEstimator<IidChangePointTransformer> DetectIidChangePoint(this TransformsCatalog catalog, string outputColumnName, string inputColumnName,
        double confidence, int changeHistoryLength, MartingaleType martingale = MartingaleType.Power, double eps = 0.1)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var options = new IidChangePointOptions { Confidence = confidence, ChangeHistoryLength = changeHistoryLength, Martingale = martingale, Epsilon = eps };
        return new(new IidChangePointTransformer(inputColumnName, outputColumnName, options));
    }

    /// <summary>
    /// Streaming relative-entropy anomaly detection (Wang et al. 2011; not in Microsoft.ML.TimeSeries, named in its
    /// style); output [Alert, Raw Score (G statistic), P-Value].
    /// </summary>
    /// <param name="catalog">mlContext.Transforms.</param>
    /// <param name="outputColumnName">Output column (Double vector of 3).</param>
    /// <param name="inputColumnName">Numeric input column.</param>
    /// <param name="windowSize">Values per histogram, in [4, 100000].</param>
    /// <param name="binCount">Histogram bins, in [2, 1000].</param>
    /// <param name="confidence">Confidence of the chi-squared test in percent, in (0, 100).</param>
    /// <param name="suppressionLength">Rows without an alert after an alert, in [0, 1000000].</param>
    /// <param name="maxHypotheses">Distributions remembered, in [1, 100000].</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public static TrivialEstimator<RelativeEntropyAnomalyTransformer> DetectAnomalyByRelativeEntropy(this TransformsCatalog catalog, string outputColumnName,
        string inputColumnName, int windowSize = RelativeEntropyOptions.Defaults.WindowSize, int binCount = RelativeEntropyOptions.Defaults.BinCount,
        double confidence = RelativeEntropyOptions.Defaults.Confidence, int suppressionLength = RelativeEntropyOptions.Defaults.SuppressionLength,
        int maxHypotheses = RelativeEntropyOptions.Defaults.MaxHypotheses)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var options = new RelativeEntropyOptions
        {
            WindowSize = windowSize, BinCount = binCount, Confidence = confidence, SuppressionLength = suppressionLength, MaxHypotheses = maxHypotheses,
        };
        return new(new RelativeEntropyAnomalyTransformer(inputColumnName, outputColumnName, options));
    }

    /// <summary>
    /// Whole-series spectral-residual detection; adds a Double vector column
    /// [Alert, Raw Score, Magnitude, Expected Value, Upper Boundary, Lower Boundary].
    /// </summary>
    /// <param name="catalog">mlContext.AnomalyDetection.</param>
    /// <param name="input">Data; the whole input column is read.</param>
    /// <param name="outputColumnName">Output column.</param>
    /// <param name="inputColumnName">Numeric input column.</param>
    /// <param name="threshold">Raw-score alert threshold, in [0, 100].</param>
    /// <param name="batchSize">Batch size, -1 or at least 12.</param>
    /// <param name="sensitivity">Margin sensitivity, in [0, 100].</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public static IDataView DetectEntireAnomalyBySrCnn(this AnomalyDetectionCatalog catalog, IDataView input, string outputColumnName, string inputColumnName,
        double threshold = SrBatchOptions.Defaults.Threshold, int batchSize = SrBatchOptions.Defaults.BatchSize, double sensitivity = SrBatchOptions.Defaults.Sensitivity)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(input);
        var options = new SrBatchOptions { Threshold = threshold, BatchSize = batchSize, Sensitivity = sensitivity };
        options.Validate();
        var points = SrBatchDetector.Detect(ColumnReader.Read(input, inputColumnName), options);
        SequentialColumn[] columns = [new(outputColumnName, 6, false)];
        var schema = new DataViewSchema.Builder();
        schema.AddColumns(input.Schema);
        schema.AddColumn(outputColumnName, columns[0].Type);
        return new SequentialDataView(input, inputColumnName, schema.ToSchema(), columns, () => new BatchReplay(points));
    }

    private sealed class BatchReplay(SrBatchPoint[] points) : ISequentialMapper
    {
        private int _row;

        public void Process(double value, double[][] outputs)
        {
            var p = points[_row++];
            outputs[0][0] = p.Alert ? 1 : 0;
            outputs[0][1] = p.Score;
            outputs[0][2] = p.Magnitude;
            outputs[0][3] = p.ExpectedValue;
            outputs[0][4] = p.Upper;
            outputs[0][5] = p.Lower;
        }
    }
}
