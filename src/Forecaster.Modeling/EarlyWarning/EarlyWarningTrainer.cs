using Forecaster.Modeling.Features;
using Forecaster.Modeling.Registry;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// Trains a model for the registry: a walk-forward backtest for the card's metrics, then a fit on all the data.
/// </summary>
public static class EarlyWarningTrainer
{
    /// <summary>Backtests and fits; the card's name and version are set by <see cref="ModelRegistry.Save"/>.</summary>
    /// <exception cref="InsufficientTrainingDataException">Too little data to fit.</exception>
    public static (EarlyWarningModel Model, ModelCard Card, BacktestResult Backtest) Train(
        IReadOnlyList<MarketHistory> markets, BacktestOptions options, string codeVersion, TimeProvider? clock = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(options);
        var withHours = markets.Where(m => m.Hours.Count > 0).ToArray();
        if (withHours.Length == 0) throw new InsufficientTrainingDataException("No market with hours to train on.");
        var backtest = EarlyWarningBacktest.WalkForward(withHours, options, progress, cancellationToken);
        progress?.Report("fitting on all data");
        var model = EarlyWarningModel.Fit(withHours, options);
        var card = new ModelCard(
            ModelRegistry.DefaultName, 0, (clock ?? TimeProvider.System).GetUtcNow(),
            withHours.Min(m => m.Hours[0].Hour), withHours.Max(m => m.Hours[^1].Hour),
            withHours.Select(m => m.Name).ToArray(), ShortfallFeatureBuilder.Names.ToArray(), options,
            ModelMetrics.From(backtest),
            double.IsFinite(model.AlertThreshold) ? model.AlertThreshold : null,
            model.BaseRate, model.Forecaster.LowerResidual, model.Forecaster.UpperResidual, model.Forecaster.UsesPersistence,
            model.Classifier is not null, codeVersion)
        {
            Uncertainty = backtest.Uncertainty,
        };
        return (model, card, backtest);
    }

    /// <summary>The git commit of the working directory's repository, or "unknown" (read from .git, no git process).</summary>
    public static string CodeVersion(string? startDirectory = null)
    {
        for (var dir = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var head = Path.Combine(dir.FullName, ".git", "HEAD");
            if (!File.Exists(head)) continue;
            var text = File.ReadAllText(head).Trim();
            if (!text.StartsWith("ref: ", StringComparison.Ordinal)) return text;
            var reference = Path.Combine(dir.FullName, ".git", text[5..]);
            if (File.Exists(reference)) return File.ReadAllText(reference).Trim();
            var packed = Path.Combine(dir.FullName, ".git", "packed-refs");
            if (File.Exists(packed))
                foreach (var line in File.ReadLines(packed))
                    if (line.EndsWith(" " + text[5..], StringComparison.Ordinal)) return line[..40];
            return "unknown";
        }
        return "unknown";
    }
}
