using Forecaster.Modeling.Features;
using Forecaster.Modeling.Persistence;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// Probability that a shortfall hour follows within the horizon, by one of two learners
/// (<see cref="EarlyWarningModelOptions.Learner"/>): LightGBM gradient-boosted trees on every
/// <see cref="ShortfallFeatureBuilder"/> feature with a Platt calibrator fit on the latest held-out training rows; or an
/// L2-regularised logistic regression on a few features (<see cref="ShortfallFeatureBuilder.LogisticNames"/> unless the options name others), calibrated by
/// construction (its likelihood is the calibration objective), fit on every training row.
/// </summary>
/// <remarks>
/// Characteristics: input, feature rows; output, a calibrated probability in [0, 1]; persisted as an ML.NET model zip
/// (the learner, hence the columns it reads, comes from the card's options); retrained every 30 days in the
/// walk-forward backtest and on <c>forecaster train</c>.
/// </remarks>
public sealed class ShortfallClassifier
{
    private readonly MLContext _ml;
    /// <summary>The ML.NET model; null for <see cref="ShortfallLearner.FirstPassage"/>, whose probability is its one column.</summary>
    private readonly ITransformer? _model;
    private readonly DataViewSchema? _inputSchema;
    private readonly int[] _columns;

    private ShortfallClassifier(MLContext ml, ITransformer? model, DataViewSchema? inputSchema, int[] columns, double[] holdoutProbabilities, bool calibrated)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        _columns = columns;
        HoldoutProbabilities = holdoutProbabilities;
        IsCalibratedOnHoldout = calibrated;
    }

    /// <summary>
    /// Calibrated probabilities of the rows the alert threshold is chosen on, in their order: the held-out (latest)
    /// training rows for trees, every training row for the logistic learner; empty after <see cref="Load"/>.
    /// </summary>
    public double[] HoldoutProbabilities { get; }

    /// <summary>True when the probabilities are calibrated: always for the logistic learner; for trees, when the holdout had positives enough to fit the Platt calibrator (else LightGBM's own sigmoid is used).</summary>
    public bool IsCalibratedOnHoldout { get; }

    /// <summary>
    /// Fits on rows in time order. Trees: rows before <paramref name="holdoutStart"/> train the trees, the rest (the
    /// latest) fit the calibrator; the tree rows may be resampled (e.g. fewer negatives), the holdout rows must not be,
    /// since the calibrator learns the true base rate from them. Logistic: every row trains the model (none may be
    /// resampled) and <paramref name="holdoutStart"/> is ignored, unless <see cref="EarlyWarningModelOptions.RecalibrateOnHoldout"/>,
    /// when it is split as for trees.
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
        if (options.Learner == ShortfallLearner.FirstPassage)
        {
            // Nothing to fit: the threshold is chosen on every training row's own first-passage probability.
            var column = ColumnsOf(options);
            return new ShortfallClassifier(new MLContext(options.Seed), null, null, column, features.Select(f => Probability(f[column[0]])).ToArray(), calibrated: false);
        }
        var logisticOnAll = options.Learner == ShortfallLearner.Logistic && !options.RecalibrateOnHoldout;
        var split = logisticOnAll ? features.Count : holdoutStart;
        var trainPositives = labels.Take(split).Count(l => l);
        if (trainPositives == 0)
            throw new InsufficientTrainingDataException($"The classifier needs at least one positive training row; {split} rows before the holdout have none.");

        var ml = new MLContext(options.Seed);
        var columns = ColumnsOf(options);
        var rows = Enumerable.Range(0, features.Count).Select(i => new FeatureData.Row { Features = Project(features[i], columns), Label = labels[i] }).ToArray();
        var train = FeatureData.Load(ml, rows[..split], columns.Length);
        if (logisticOnAll)
        {
            var logistic = FitLogistic(ml, train, options);
            var all = FeatureData.Column(logistic.Transform(train), "Probability").Select(p => (double)p).ToArray();
            return new ShortfallClassifier(ml, logistic, train.Schema, columns, all, calibrated: true);
        }

        var holdout = FeatureData.Load(ml, rows[split..], columns.Length);
        ITransformer model = options.Learner == ShortfallLearner.Logistic ? FitLogistic(ml, train, options) : FitTrees(ml, train, options);
        var holdoutPositives = rows[split..].Count(r => r.Label);
        // The logistic model is calibrated by its own fit even where the holdout is too thin to recalibrate it.
        var calibrated = options.Learner == ShortfallLearner.Logistic;
        if (holdoutPositives >= 3 && holdoutPositives < rows.Length - split)
        {
            var scored = model.Transform(holdout);
            var calibrator = ml.BinaryClassification.Calibrators.Platt().Fit(scored);
            model = new TransformerChain<ITransformer>(model, calibrator);
            calibrated = true;
        }
        var probabilities = FeatureData.Column(model.Transform(holdout), "Probability").Select(p => (double)p).ToArray();
        return new ShortfallClassifier(ml, model, train.Schema, columns, probabilities, calibrated);
    }

    /// <summary>
    /// Logistic learner ranking on a longer horizon (<see cref="EarlyWarningModelOptions.RankingHorizonHours"/>): the
    /// logistic model is fitted on every row's <paramref name="rankingLabels"/> (shortfall within the longer horizon),
    /// then a Platt calibrator on the same rows maps its score to the probability of <paramref name="targetLabels"/>.
    /// Platt is monotone, so the ordering of hours (hence which hours alert) is the ranking model's, while the
    /// probability answers the target's question. Rows are in time order; none may be resampled. When
    /// <paramref name="rankerRows"/> is given, the ranking model learns only from the rows it marks (an onset ranker
    /// leaves out the tails of episodes), while the calibrator and the returned probabilities cover every row.
    /// </summary>
    /// <exception cref="InsufficientTrainingDataException">No positive row for either label.</exception>
    public static ShortfallClassifier FitRanked(IReadOnlyList<float[]> features, IReadOnlyList<bool> rankingLabels, IReadOnlyList<bool> targetLabels, EarlyWarningModelOptions options, IReadOnlyList<bool>? rankerRows = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rankingLabels);
        ArgumentNullException.ThrowIfNull(targetLabels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (rankingLabels.Count != features.Count || targetLabels.Count != features.Count)
            throw new ArgumentException($"Every row needs both labels; got {features.Count} rows, {rankingLabels.Count} ranking and {targetLabels.Count} target labels.", nameof(targetLabels));
        if (rankerRows is not null && rankerRows.Count != features.Count)
            throw new ArgumentException($"rankerRows needs one flag per row; got {rankerRows.Count} for {features.Count} rows.", nameof(rankerRows));
        if (!targetLabels.Any(l => l) || targetLabels.All(l => l))
            throw new InsufficientTrainingDataException($"Calibrating the ranking model needs positive and negative targets; the {features.Count} rows have {targetLabels.Count(l => l)} positives.");
        var ranks = Enumerable.Range(0, features.Count).Where(i => rankerRows?[i] ?? true).ToArray();
        if (!ranks.Any(i => rankingLabels[i]) || ranks.All(i => rankingLabels[i]))
            throw new InsufficientTrainingDataException($"The ranking model needs positive and negative ranking labels; its {ranks.Length} rows have {ranks.Count(i => rankingLabels[i])} positives.");

        var ml = new MLContext(options.Seed);
        var columns = ColumnsOf(options);
        var projected = features.Select(f => Project(f, columns)).ToArray();
        var ranked = FeatureData.Load(ml, ranks.Select(i => new FeatureData.Row { Features = projected[i], Label = rankingLabels[i] }).ToArray(), columns.Length);
        var target = FeatureData.Load(ml, projected.Select((f, i) => new FeatureData.Row { Features = f, Label = targetLabels[i] }).ToArray(), columns.Length);
        var ranker = FitLogistic(ml, ranked, options);
        var calibrator = ml.BinaryClassification.Calibrators.Platt().Fit(ranker.Transform(target));
        var model = new TransformerChain<ITransformer>(ranker, calibrator);
        var probabilities = FeatureData.Column(model.Transform(target), "Probability").Select(p => (double)p).ToArray();
        return new ShortfallClassifier(ml, model, target.Schema, columns, probabilities, calibrated: true);
    }

    private static ITransformer FitTrees(MLContext ml, IDataView train, EarlyWarningModelOptions options) =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
            Deterministic = true,
            NumberOfThreads = 1,
            Silent = true,
        }).Fit(train);

    /// <summary>
    /// Missing values (cross-market columns of a lone market) become the training mean, features are standardised so
    /// one L2 penalty treats them alike, then L-BFGS maximises the penalised likelihood: a convex problem, so the
    /// result does not depend on row order or seed.
    /// </summary>
    private static ITransformer FitLogistic(MLContext ml, IDataView train, EarlyWarningModelOptions options)
    {
        const string features = nameof(FeatureData.Row.Features);
        var pipeline = ml.Transforms.ReplaceMissingValues(features, replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Mean)
            .Append(ml.Transforms.NormalizeMeanVariance(features))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = (float)options.L2Regularization,
                L1Regularization = 0,
                NumberOfThreads = 1,
                ShowTrainingStatistics = false,
            }));
        return pipeline.Fit(train);
    }

    /// <summary>Feature columns the learner reads, as positions in <see cref="ShortfallFeatureBuilder.Names"/>.</summary>
    private static int[] ColumnsOf(EarlyWarningModelOptions options) => options.Learner switch
    {
        ShortfallLearner.Logistic => (options.LogisticFeatures ?? ShortfallFeatureBuilder.LogisticNames).Select(ShortfallFeatureBuilder.IndexOf).ToArray(),
        ShortfallLearner.FirstPassage => [ShortfallFeatureBuilder.IndexOf(FirstPassageColumn)],
        _ => Enumerable.Range(0, ShortfallFeatureBuilder.Count).ToArray(),
    };

    /// <summary>The feature the first-passage learner reads as its probability.</summary>
    private const string FirstPassageColumn = "first_passage_probability";

    /// <summary>Kind tag of a saved first-passage classifier (it has no ML.NET model, only this header).</summary>
    private const string FirstPassageKind = "first-passage-classifier";

    private static double Probability(float value) => Math.Clamp((double)value, 0, 1);

    private static float[] Project(float[] row, int[] columns)
    {
        if (columns.Length == row.Length) return row;
        var projected = new float[columns.Length];
        for (var c = 0; c < columns.Length; c++) projected[c] = row[columns[c]];
        return projected;
    }

    /// <summary>Probabilities of the given feature rows, in [0, 1].</summary>
    public double[] Predict(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0) return [];
        if (_model is null) return features.Select(f => Probability(f[_columns[0]])).ToArray();
        var projected = features.Select(f => Project(f, _columns)).ToArray();
        return FeatureData.Column(_model.Transform(FeatureData.Load(_ml, projected, _columns.Length)), "Probability").Select(p => (double)p).ToArray();
    }

    /// <summary>Saves the ML.NET model (zip) to a stream.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (_model is null)
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            StateHeader.Write(writer, FirstPassageKind, 1);
            return;
        }
        _ml.Model.Save(_model, _inputSchema, stream);
    }

    /// <summary>Loads a model saved by <see cref="Save"/> with the options it was fit with (they say which columns it reads).</summary>
    /// <exception cref="ModelFormatException">The stream is not a saved classifier.</exception>
    public static ShortfallClassifier Load(Stream stream, EarlyWarningModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var ml = new MLContext(options.Seed);
        if (options.Learner == ShortfallLearner.FirstPassage)
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            StateHeader.Read(reader, FirstPassageKind, 1);
            return new ShortfallClassifier(ml, null, null, ColumnsOf(options), [], false);
        }
        try
        {
            var model = ml.Model.Load(stream, out var schema);
            var columns = ColumnsOf(options);
            FeatureData.RequireWidth(schema, columns.Length, "shortfall classifier");
            return new ShortfallClassifier(ml, model, schema, columns, [], false);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new ModelFormatException($"Not a saved shortfall classifier: {e.Message}");
        }
    }
}
