namespace Forecaster.EarlyWarning;

/// <summary>
/// The fixed definitions of the early-warning problem (issue 4), so that results are comparable between runs and models:
/// which hours count, what a shortfall is, how far ahead the target looks and how many alerts a model may raise.
/// </summary>
public sealed record ShortfallDefinition
{
    /// <summary>Defaults shared by the CLI, the registry and the tests.</summary>
    public static class Defaults
    {
        /// <summary>How far ahead the target looks: 24 hours.</summary>
        public static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

        /// <summary>Utilization at or above which an hour is a shortfall hour.</summary>
        public const double ShortfallUtilization = 0.98;

        /// <summary>Share of training hours not in shortfall on which alerts may be on.</summary>
        public const double AlertBudget = 0.02;

        /// <summary>Deposits below which an hour is ineligible, USD.</summary>
        public const double MinimumDepositsUsd = 10_000_000;

        /// <summary>Shortfall hours less than this apart belong to one episode.</summary>
        public static readonly TimeSpan EpisodeMergeGap = TimeSpan.FromHours(24);

        /// <summary>How long before an episode's start an alert still counts as detecting it.</summary>
        public static readonly TimeSpan DetectionWindow = TimeSpan.FromHours(72);

        /// <summary>Window of the precision measure: an alert is right when a shortfall hour follows within it.</summary>
        public static readonly TimeSpan PrecisionWindow = TimeSpan.FromHours(24);
    }

    /// <summary>Target horizon H: the target at t is 1 when a shortfall hour lies in (t, t+H]. Whole hours in [1 h, 720 h].</summary>
    public TimeSpan Horizon { get; init; } = Defaults.Horizon;

    /// <summary>Utilization threshold U of a shortfall hour, in (0, 1].</summary>
    public double ShortfallUtilization { get; init; } = Defaults.ShortfallUtilization;

    /// <summary>Alert budget, a share in (0, 0.5].</summary>
    public double AlertBudget { get; init; } = Defaults.AlertBudget;

    /// <summary>Eligibility floor on deposits, USD, non-negative.</summary>
    public double MinimumDepositsUsd { get; init; } = Defaults.MinimumDepositsUsd;

    /// <summary>Gap below which shortfall hours merge into one episode.</summary>
    public TimeSpan EpisodeMergeGap { get; init; } = Defaults.EpisodeMergeGap;

    /// <summary>Detection window before an episode's start: alerts in [start − window, start − 1 h] detect it.</summary>
    public TimeSpan DetectionWindow { get; init; } = Defaults.DetectionWindow;

    /// <summary>Window of <c>precision24h</c>.</summary>
    public TimeSpan PrecisionWindow { get; init; } = Defaults.PrecisionWindow;

    /// <summary>Checks every value, naming the command-line option and its allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        if (Horizon < TimeSpan.FromHours(1) || Horizon > TimeSpan.FromHours(720) || Horizon.Ticks % TimeSpan.TicksPerHour != 0)
            throw new ArgumentOutOfRangeException(nameof(Horizon), $"--horizon must be a whole number of hours in [1, 720]; got {Horizon.TotalHours}.");
        if (!(ShortfallUtilization > 0 && ShortfallUtilization <= 1))
            throw new ArgumentOutOfRangeException(nameof(ShortfallUtilization), $"--shortfall-utilization must be in (0, 1]; got {ShortfallUtilization}.");
        if (!(AlertBudget > 0 && AlertBudget <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(AlertBudget), $"--alert-budget must be in (0, 0.5]; got {AlertBudget}.");
        if (!(MinimumDepositsUsd >= 0))
            throw new ArgumentOutOfRangeException(nameof(MinimumDepositsUsd), $"MinimumDepositsUsd must be >= 0; got {MinimumDepositsUsd}.");
    }
}
