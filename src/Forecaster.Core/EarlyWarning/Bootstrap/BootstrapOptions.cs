namespace Forecaster.EarlyWarning;

/// <summary>Options of <see cref="WarningBootstrap"/>: how many resamples, from which seed, in which blocks.</summary>
public sealed record BootstrapOptions
{
    /// <summary>Defaults shared by the backtest, the CLI and the registry.</summary>
    public static class Defaults
    {
        /// <summary>
        /// Resamples per comparison: measured on the walk-forward over the four shared Aave v2 files, the 90% interval's
        /// endpoints of recall, AUC-PR and Brier skill (and of their differences) move by a standard deviation of at most
        /// about 0.01 between seeds at this count (README, Early warning), at about a second of CPU.
        /// </summary>
        public const int Resamples = 2000;

        /// <summary>Seed of the resampling; the same seed and data give the same intervals.</summary>
        public const int Seed = 1;

        /// <summary>
        /// Block length: 30 days, the walk-forward refit cadence, so a block is one market under one fitted model, and
        /// ten times the 72 h detection window, so an episode and the hours leading to it nearly always share a block.
        /// </summary>
        public static readonly TimeSpan BlockLength = TimeSpan.FromDays(30);
    }

    /// <summary>Share of resamples inside each interval: 90%, from the 5th to the 95th percentile.</summary>
    public const double Confidence = 0.90;

    /// <summary>Number of resamples, in [0, 1 000 000]; 0 skips the bootstrap.</summary>
    public int Resamples { get; init; } = Defaults.Resamples;

    /// <summary>Seed of the random block draws.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Length of a block of hours, whole hours, at least one hour.</summary>
    public TimeSpan BlockLength { get; init; } = Defaults.BlockLength;

    /// <summary>
    /// False (default): a block is one market's hours in one window. True: all markets' hours in one window form one
    /// block, so episodes that strike several markets in the same weeks are drawn together.
    /// </summary>
    public bool BlockSpansMarkets { get; init; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        if (Resamples is < 0 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(Resamples), $"--bootstrap-resamples must be in [0, 1000000]; got {Resamples}.");
        if (BlockLength < TimeSpan.FromHours(1) || BlockLength.Ticks % TimeSpan.TicksPerHour != 0)
            throw new ArgumentOutOfRangeException(nameof(BlockLength), $"Bootstrap BlockLength must be a whole number of hours, at least 1; got {BlockLength}.");
    }
}
