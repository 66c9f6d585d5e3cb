using Forecaster.Modeling.Features;
using Forecaster.Modeling.Persistence;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// Forecasts a market's available liquidity 24 h ahead with an interval. LightGBM regression predicts the change of
/// available liquidity as a share of deposits; the interval adds empirical quantiles of the held-out residuals
/// (split-conformal style), so its width is learned on data the trees did not see.
/// </summary>
/// <remarks>
/// Characteristics: input, feature rows plus current deposits and liquidity; output, median and interval in USD;
/// persisted as an ML.NET model zip plus the two residual quantiles; retrained with the classifier.
/// </remarks>
public sealed class LiquidityForecaster
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;

    private LiquidityForecaster(MLContext ml, ITransformer model, DataViewSchema inputSchema, double lower, double upper, double coverage)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        LowerResidual = lower;
        UpperResidual = upper;
        Coverage = coverage;
    }

    /// <summary>Lower residual quantile, as a share of deposits.</summary>
    public double LowerResidual { get; }

    /// <summary>Upper residual quantile, as a share of deposits.</summary>
    public double UpperResidual { get; }

    /// <summary>Nominal coverage of the interval, in (0, 1).</summary>
    public double Coverage { get; }

    /// <summary>True when the trees did worse than persistence on the holdout: the median is then the current liquidity.</summary>
    public bool UsesPersistence { get; private init; }

    /// <summary>Fits on rows in time order; <paramref name="change"/> is (liquidity at t+24 h − liquidity at t) / deposits at t.</summary>
    /// <exception cref="InsufficientTrainingDataException">Fewer than 200 rows.</exception>
    public static LiquidityForecaster Fit(IReadOnlyList<float[]> features, IReadOnlyList<float> change, EarlyWarningModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (features.Count < 200) throw new InsufficientTrainingDataException($"The liquidity forecaster needs at least 200 training rows; got {features.Count}.");
        var split = (int)(features.Count * (1 - options.HoldoutShare));
        var ml = new MLContext(options.Seed);
        var rows = Enumerable.Range(0, features.Count).Select(i => new FeatureData.Row { Features = features[i], Target = change[i] }).ToArray();
        var train = FeatureData.Load(ml, rows[..split]);
        var model = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = nameof(FeatureData.Row.Target),
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
            Deterministic = true,
            NumberOfThreads = 1,
            Silent = true,
        }).Fit(train);
        var predicted = FeatureData.Column(model.Transform(FeatureData.Load(ml, rows[split..])), "Score");
        // Model selection on the holdout: when the trees do worse than persistence (no change) there, keep persistence.
        var modelError = predicted.Select((p, k) => Math.Abs(change[split + k] - p)).Sum();
        var persistenceError = Enumerable.Range(split, rows.Length - split).Sum(k => Math.Abs((double)change[k]));
        var persistence = modelError >= persistenceError;
        var residuals = predicted.Select((p, k) => (double)change[split + k] - (persistence ? 0 : p)).Order().ToArray();
        var tail = (1 - options.Coverage) / 2;
        return new LiquidityForecaster(ml, model, train.Schema, Quantile(residuals, tail), Quantile(residuals, 1 - tail), options.Coverage) { UsesPersistence = persistence };
    }

    /// <summary>Predicted change of liquidity over 24 h as a share of deposits, one per row.</summary>
    public double[] PredictChange(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0) return [];
        if (UsesPersistence) return new double[features.Count];
        return FeatureData.Column(_model.Transform(FeatureData.Load(_ml, features)), "Score").Select(p => (double)p).ToArray();
    }

    /// <summary>Median and interval of available liquidity in 24 h, USD, from a predicted change.</summary>
    public (double Median, double Lower, double Upper) ToUsd(double predictedChange, double liquidityUsd, double depositsUsd) =>
        (liquidityUsd + depositsUsd * predictedChange,
         liquidityUsd + depositsUsd * (predictedChange + LowerResidual),
         liquidityUsd + depositsUsd * (predictedChange + UpperResidual));

    /// <summary>Saves the ML.NET model (zip) to a stream; the residual quantiles go in the model card.</summary>
    public void Save(Stream stream) => _ml.Model.Save(_model, _inputSchema, stream);

    /// <summary>Loads a model saved by <see cref="Save"/> with its residual quantiles.</summary>
    /// <exception cref="ModelFormatException">The stream is not a saved model.</exception>
    /// <param name="stream">The saved model.</param>
    /// <param name="lowerResidual">Lower residual quantile from the card.</param>
    /// <param name="upperResidual">Upper residual quantile from the card.</param>
    /// <param name="coverage">Nominal coverage from the card.</param>
    /// <param name="usesPersistence">Whether the card says the median is persistence.</param>
    /// <param name="seed">MLContext seed.</param>
    public static LiquidityForecaster Load(Stream stream, double lowerResidual, double upperResidual, double coverage, bool usesPersistence, int seed = EarlyWarningModelOptions.Defaults.Seed)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ml = new MLContext(seed);
        try
        {
            var model = ml.Model.Load(stream, out var schema);
            // A persistence forecaster never runs its model (its median is the current value), so its width does not matter.
            if (!usesPersistence) FeatureData.RequireWidth(schema, ShortfallFeatureBuilder.Count, "liquidity forecaster");
            return new LiquidityForecaster(ml, model, schema, lowerResidual, upperResidual, coverage) { UsesPersistence = usesPersistence };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new ModelFormatException($"Not a saved liquidity forecaster: {e.Message}");
        }
    }

    private static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
