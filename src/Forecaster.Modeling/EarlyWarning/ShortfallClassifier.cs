using Forecaster.Modeling.Features;
using Forecaster.Modeling.Persistence;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// Probability that a shortfall hour follows within the horizon: LightGBM gradient-boosted trees on
/// <see cref="ShortfallFeatureBuilder"/> features, then a Platt calibrator fit on the latest held-out training rows.
/// </summary>
/// <remarks>
/// Characteristics: input, feature rows; output, a calibrated probability in [0, 1]; persisted as an ML.NET model zip;
/// retrained every 30 days in the walk-forward backtest and on <c>forecaster train</c>.
/// </remarks>
public sealed class ShortfallClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;

    private ShortfallClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, double[] holdoutProbabilities, bool calibrated)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        HoldoutProbabilities = holdoutProbabilities;
        IsCalibratedOnHoldout = calibrated;
    }

    /// <summary>Calibrated probabilities of the held-out (latest) training rows, in their order; empty after <see cref="Load"/>.</summary>
    public double[] HoldoutProbabilities { get; }

    /// <summary>True when the holdout had positives enough to fit the Platt calibrator (else LightGBM's own sigmoid is used).</summary>
    public bool IsCalibratedOnHoldout { get; }

    /// <summary>
    /// Fits on rows in time order: rows before <paramref name="holdoutStart"/> train the trees, the rest (the latest)
    /// fit the calibrator. The tree rows may be resampled (e.g. fewer negatives); the holdout rows must not be, since
    /// the calibrator learns the true base rate from them.
    /// </summary>
    /// <exception cref="InsufficientTrainingDataException">No positive row among the training rows.</exception>
    public static ShortfallClassifier Fit(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, int holdoutStart, EarlyWarningModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(holdoutStart);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holdoutStart, features.Count);
        var split = holdoutStart;
        var trainPositives = labels.Take(split).Count(l => l);
        if (trainPositives == 0)
            throw new InsufficientTrainingDataException($"The classifier needs at least one positive training row; {split} rows before the holdout have none.");

        var ml = new MLContext(options.Seed);
        var rows = Enumerable.Range(0, features.Count).Select(i => new FeatureData.Row { Features = features[i], Label = labels[i] }).ToArray();
        var train = FeatureData.Load(ml, rows[..split]);
        var holdout = FeatureData.Load(ml, rows[split..]);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
            Deterministic = true,
            NumberOfThreads = 1,
            Silent = true,
        });
        ITransformer model = trainer.Fit(train);
        var holdoutPositives = rows[split..].Count(r => r.Label);
        var calibrated = false;
        if (holdoutPositives >= 3 && holdoutPositives < rows.Length - split)
        {
            var scored = model.Transform(holdout);
            var calibrator = ml.BinaryClassification.Calibrators.Platt().Fit(scored);
            model = new TransformerChain<ITransformer>(model, calibrator);
            calibrated = true;
        }
        var probabilities = FeatureData.Column(model.Transform(holdout), "Probability").Select(p => (double)p).ToArray();
        return new ShortfallClassifier(ml, model, train.Schema, probabilities, calibrated);
    }

    /// <summary>Probabilities of the given feature rows, in [0, 1].</summary>
    public double[] Predict(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0) return [];
        return FeatureData.Column(_model.Transform(FeatureData.Load(_ml, features)), "Probability").Select(p => (double)p).ToArray();
    }

    /// <summary>Saves the ML.NET model (zip) to a stream.</summary>
    public void Save(Stream stream) => _ml.Model.Save(_model, _inputSchema, stream);

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">The stream is not a saved classifier.</exception>
    public static ShortfallClassifier Load(Stream stream, int seed = EarlyWarningModelOptions.Defaults.Seed)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ml = new MLContext(seed);
        try
        {
            var model = ml.Model.Load(stream, out var schema);
            return new ShortfallClassifier(ml, model, schema, [], false);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new ModelFormatException($"Not a saved shortfall classifier: {e.Message}");
        }
    }
}
