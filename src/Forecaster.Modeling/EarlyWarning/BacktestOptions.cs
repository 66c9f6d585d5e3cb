using Forecaster.EarlyWarning;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>Options of <see cref="EarlyWarningBacktest"/>.</summary>
public sealed record BacktestOptions
{
    /// <summary>Defaults shared by the CLI and the tests.</summary>
    public static class Defaults
    {
        /// <summary>Walk-forward refit cadence: 30 days.</summary>
        public static readonly TimeSpan RefitInterval = TimeSpan.FromDays(30);

        /// <summary>Each market's first 180 days are used only for training.</summary>
        public static readonly TimeSpan BurnIn = TimeSpan.FromDays(180);
    }

    /// <summary>Problem definitions (horizon, shortfall level, alert budget).</summary>
    public ShortfallDefinition Definition { get; init; } = new();

    /// <summary>Model hyperparameters.</summary>
    public EarlyWarningModelOptions Model { get; init; } = new();

    /// <summary>Walk-forward refit cadence, at least one day.</summary>
    public TimeSpan RefitInterval { get; init; } = Defaults.RefitInterval;

    /// <summary>Training-only period at the start of each market, non-negative.</summary>
    public TimeSpan BurnIn { get; init; } = Defaults.BurnIn;

    /// <summary>The paired bootstrap of the model against the rule on the evaluated hours; 0 resamples skips it.</summary>
    public BootstrapOptions Bootstrap { get; init; } = new();

    /// <summary>
    /// Platt-recalibrate the model's probabilities fold by fold on the earlier folds' known outcomes
    /// (<see cref="Forecaster.EarlyWarning.Calibration.FoldRecalibration"/>); off by default. Alerts do not change.
    /// </summary>
    public bool Recalibrate { get; init; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        Definition.Validate();
        Model.Validate();
        Bootstrap.Validate();
        if (RefitInterval < TimeSpan.FromDays(1)) throw new ArgumentOutOfRangeException(nameof(RefitInterval), $"RefitInterval must be at least 1 day; got {RefitInterval}.");
        if (BurnIn < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(BurnIn), $"BurnIn must be >= 0; got {BurnIn}.");
    }
}
