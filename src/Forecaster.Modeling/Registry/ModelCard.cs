using Forecaster.EarlyWarning;
using Forecaster.Modeling.EarlyWarning;

namespace Forecaster.Modeling.Registry;

/// <summary>
/// What a registered model is: where its data came from, its features and options, how it did in a walk-forward
/// backtest and which code built it. Saved as <c>card.json</c> and <c>card.md</c> beside the model zips.
/// </summary>
/// <param name="Name">Model name, e.g. <c>shortfall</c>.</param>
/// <param name="Version">Version number, 1 for the first.</param>
/// <param name="CreatedUtc">When it was trained.</param>
/// <param name="DataFrom">First training hour, UTC.</param>
/// <param name="DataTo">Last training hour, UTC.</param>
/// <param name="Markets">Markets trained on.</param>
/// <param name="Features">Feature names in column order.</param>
/// <param name="Options">Backtest and model options.</param>
/// <param name="Metrics">Walk-forward backtest metrics.</param>
/// <param name="AlertThreshold">Probability at or above which the model alerts; null for never.</param>
/// <param name="BaseRate">Training base rate.</param>
/// <param name="LowerResidual">Lower interval residual of the liquidity forecaster, share of deposits.</param>
/// <param name="UpperResidual">Upper interval residual, share of deposits.</param>
/// <param name="ForecastUsesPersistence">True when the liquidity median is persistence (the trees lost to it on the holdout).</param>
/// <param name="HasClassifier">False when the training data had no shortfall (the model then predicts the base rate).</param>
/// <param name="CodeVersion">Git commit of the code, or "unknown".</param>
/// <param name="RuleLevel">Utilization at or above which the model also alerts (its budget shared with the threshold rule); null for never. Set by <see cref="ModelRegistry.Save"/> from the model.</param>
/// <param name="FormatVersion">Card format, checked on load.</param>
/// <param name="Uncertainty">The walk-forward's paired bootstrap against the threshold rule (90% intervals of recall, median lead, AUC-PR and Brier skill and of their differences); null on cards written before it existed or with 0 resamples.</param>
/// <param name="AgainstChampion">How it fared against the champion when it was trained (on the same hours when possible, with paired intervals); null when there was no champion to beat or on cards written before it existed.</param>
/// <param name="Method">The <see cref="EarlyWarningMethods"/> name it was trained with; null for options outside the catalog or on cards written before it existed.</param>
public sealed record ModelCard(
    string Name,
    int Version,
    DateTimeOffset CreatedUtc,
    DateTimeOffset DataFrom,
    DateTimeOffset DataTo,
    IReadOnlyList<string> Markets,
    IReadOnlyList<string> Features,
    BacktestOptions Options,
    ModelMetrics Metrics,
    double? AlertThreshold,
    double BaseRate,
    double LowerResidual,
    double UpperResidual,
    bool ForecastUsesPersistence,
    bool HasClassifier,
    string CodeVersion,
    double? RuleLevel = null,
    int FormatVersion = ModelCard.CurrentFormat,
    WarningComparison? Uncertainty = null,
    ChampionComparison? AgainstChampion = null,
    string? Method = null)
{
    /// <summary>The card format this code writes and reads.</summary>
    public const int CurrentFormat = 1;
}
