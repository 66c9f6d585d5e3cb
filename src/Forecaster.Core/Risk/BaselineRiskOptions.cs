namespace Forecaster.Risk;

/// <summary>Options of <see cref="BaselineRiskModel"/>.</summary>
public sealed record BaselineRiskOptions
{
    /// <summary>Defaults shared by the CLI, the jobs and the tests.</summary>
    public static class Defaults
    {
        /// <summary>History used for the empirical distributions: 180 days.</summary>
        public static readonly TimeSpan Lookback = TimeSpan.FromDays(180);

        /// <summary>Utilization at or above which an hour is a shortfall hour.</summary>
        public const double ShortfallUtilization = 0.98;

        /// <summary>Nominal coverage of forecast intervals.</summary>
        public const double Coverage = 0.90;

        /// <summary>Fewest past windows needed for an empirical estimate.</summary>
        public const int MinimumWindows = 48;
    }

    /// <summary>History used for the empirical distributions; must be positive.</summary>
    public TimeSpan Lookback { get; init; } = Defaults.Lookback;

    /// <summary>Utilization at or above which an hour is a shortfall hour, in (0, 1].</summary>
    public double ShortfallUtilization { get; init; } = Defaults.ShortfallUtilization;

    /// <summary>Nominal coverage of forecast intervals, in (0, 1).</summary>
    public double Coverage { get; init; } = Defaults.Coverage;

    /// <summary>Fewest past windows needed for an estimate; fewer gives <see cref="InsufficientHistoryException"/>.</summary>
    public int MinimumWindows { get; init; } = Defaults.MinimumWindows;
}
