namespace Forecaster.Simulation;

/// <summary>Options of <see cref="MarketSimulator"/>.</summary>
public sealed record SimulationOptions
{
    /// <summary>Defaults shared by the CLI and the tests.</summary>
    public static class Defaults
    {
        /// <summary>Number of markets.</summary>
        public const int Markets = 6;

        /// <summary>Days of hourly history per market.</summary>
        public const int Days = 365;

        /// <summary>Random seed.</summary>
        public const int Seed = 42;

        /// <summary>First simulated hour: fixed, so one seed always gives the same store.</summary>
        public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Number of markets, in [1, 1000].</summary>
    public int Markets { get; init; } = Defaults.Markets;

    /// <summary>Days of hourly history per market, in [1, 3650].</summary>
    public int Days { get; init; } = Defaults.Days;

    /// <summary>Random seed: the same seed and options give the same output, hour for hour.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>First simulated hour (UTC, on a whole hour).</summary>
    public DateTimeOffset Start { get; init; } = Defaults.Start;

    /// <summary>Checks every option, naming the first one out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (Markets is < 1 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(Markets), Markets, "--markets must be in [1, 1000].");
        if (Days is < 1 or > 3650)
            throw new ArgumentOutOfRangeException(nameof(Days), Days, "--days must be in [1, 3650].");
        if (!Forecaster.Markets.HourlyGrid.IsOnGrid(Start))
            throw new ArgumentOutOfRangeException(nameof(Start), Start, "--start must be a whole UTC hour.");
    }
}
