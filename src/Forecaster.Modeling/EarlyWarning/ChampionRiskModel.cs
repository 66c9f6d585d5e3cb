using Forecaster.Markets;
using Forecaster.Modeling.Features;
using Forecaster.Risk;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// The brief's risk model backed by a trained early-warning model (the registry's champion): the shortfall probability
/// comes from the calibrated classifier, the 24 h liquidity forecast from the liquidity forecaster, and other horizons
/// from the <see cref="BaselineRiskModel"/>, which the champion does not forecast.
/// </summary>
/// <remarks>
/// The brief assesses one market at a time, so the cross-market features are computed from that market alone
/// (they are NaN, which the trees treat as missing and the logistic learner replaces by its training mean); the backtest scores with all markets together.
/// </remarks>
public sealed class ChampionRiskModel : IMarketRiskModel
{
    private readonly EarlyWarningModel _model;
    private readonly BaselineRiskModel _baseline;
    private readonly StatusPolicy _policy;
    private readonly string _method;
    private readonly double _shortfallUtilization;
    private readonly int _horizonHours;

    /// <summary>Wraps a fitted model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="label">How the brief names it, e.g. <c>shortfall v3</c>.</param>
    /// <param name="baseline">Used for horizons other than 24 h and when history is short; default options when null.</param>
    /// <param name="policy">Traffic-light policy; <see cref="StatusPolicy.Default"/> when null.</param>
    /// <param name="shortfallUtilization">The shortfall level the model was trained for (its card's options).</param>
    /// <param name="horizonHours">The target horizon the model was trained for, in hours (its card's options); the first-passage features read it.</param>
    public ChampionRiskModel(EarlyWarningModel model, string label, BaselineRiskModel? baseline = null, StatusPolicy? policy = null,
        double shortfallUtilization = global::Forecaster.EarlyWarning.ShortfallDefinition.Defaults.ShortfallUtilization, int horizonHours = 24)
    {
        _horizonHours = horizonHours;
        _shortfallUtilization = shortfallUtilization;
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _baseline = baseline ?? new BaselineRiskModel();
        _policy = policy ?? StatusPolicy.Default;
        _method = $"early-warning model {label} (calibrated shortfall classifier; 24 h liquidity by LightGBM or persistence, with a held-out residual interval)";
    }

    /// <inheritdoc />
    public MarketRiskAssessment Assess(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf, IReadOnlyList<TimeSpan> horizons)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(horizons);
        var baseline = _baseline.Assess(market, hours, asOf, horizons);
        var upTo = hours.TakeWhile(h => h.Hour <= asOf).ToArray();
        // Only the last 30 days matter to the default's features (their longest window is 720 h). The first-passage
        // probability would read the whole history; over 31 days it has too few closed windows and uses its closed form.
        var recent = upTo[Math.Max(0, upTo.Length - 24 * 31)..];
        var features = ShortfallFeatureBuilder.Build([new MarketHistory(market.Name, recent)], _shortfallUtilization, _horizonHours)[0];
        var row = new[] { features.Row(features.Rows - 1).ToArray() };
        var probability = _model.Probabilities(row)[0];
        var current = recent[^1];
        var (median, lower, upper) = _model.Forecaster.ToUsd(_model.Forecaster.PredictChange(row)[0], current.AvailableLiquidityUsd, current.SuppliedUsd);
        var forecasts = baseline.Forecasts
            .Select(f => f.Horizon == TimeSpan.FromHours(24) ? new LiquidityForecast(f.Horizon, median, lower, upper, _model.Forecaster.Coverage) : f)
            .ToArray();
        return baseline with
        {
            Forecasts = forecasts,
            ShortfallProbability24h = Math.Clamp(probability, 0, 1),
            Status = _policy.Classify(probability, current.Utilization),
            Method = _method,
        };
    }
}
