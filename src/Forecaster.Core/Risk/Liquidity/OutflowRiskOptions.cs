namespace Forecaster.Risk.Liquidity;

/// <summary>Options of <see cref="OutflowRiskModel"/>.</summary>
public sealed record OutflowRiskOptions
{
    /// <summary>Defaults shared by the CLI, the jobs and the tests.</summary>
    public static class Defaults
    {
        /// <summary>History used: one year, long enough to hold at least one stress episode in most markets.</summary>
        public static readonly TimeSpan Lookback = TimeSpan.FromDays(365);

        /// <summary>EWMA decay per hour-step (RiskMetrics' daily 0.94, used here on hourly changes).</summary>
        public const double EwmaLambda = 0.94;

        /// <summary>
        /// Share of the variance's excess over its long-run level kept each hour (1 = plain EWMA, no long-run level).
        /// </summary>
        public const double VolatilityPersistence = 1.0;

        /// <summary>Simulated paths for the filtered-historical and Monte Carlo methods.</summary>
        public const int Paths = 10_000;

        /// <summary>Seed of the simulations: the same inputs give the same numbers.</summary>
        public const int Seed = 20220618;

        /// <summary>Agent-based paths: each costs a full agent simulation, so fewer than the other methods; the ES99 is still the mean of the worst 20.</summary>
        public const int AgentPaths = 2_000;
    }

    /// <summary>History used; must be positive.</summary>
    public TimeSpan Lookback { get; init; } = Defaults.Lookback;

    /// <summary>EWMA decay, in (0, 1).</summary>
    public double EwmaLambda { get; init; } = Defaults.EwmaLambda;

    /// <summary>Persistence of the variance's excess over its long-run level per hour, in (1 - <see cref="EwmaLambda"/>, 1] (see <see cref="VarianceRecursion"/>).</summary>
    public double VolatilityPersistence { get; init; } = Defaults.VolatilityPersistence;

    /// <summary>Simulated paths, in [100, 1,000,000].</summary>
    public int Paths { get; init; } = Defaults.Paths;

    /// <summary>Random seed.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Number of agent-based Monte Carlo paths, in [100, 1000000].</summary>
    public int AgentPaths { get; init; } = Defaults.AgentPaths;

    /// <summary>
    /// Whether to run the Student-t Monte Carlo. The buffer rests on filtered historical simulation, so work that needs
    /// only buffers (the replay) turns it off; reports that are shown keep it.
    /// </summary>
    public bool MonteCarlo { get; init; } = true;

    /// <summary>Horizons measured, each a whole number of hours in [1, 720].</summary>
    public IReadOnlyList<TimeSpan> Horizons { get; init; } = [TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromHours(72)];

    /// <summary>Checks every option, naming the first out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (Lookback <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Lookback), Lookback, "Lookback must be positive.");
        if (EwmaLambda is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(EwmaLambda), EwmaLambda, "EwmaLambda must be in (0, 1).");
        if (VolatilityPersistence <= 1 - EwmaLambda || VolatilityPersistence > 1 || double.IsNaN(VolatilityPersistence))
            throw new ArgumentOutOfRangeException(nameof(VolatilityPersistence), VolatilityPersistence, "VolatilityPersistence must be in (1 - EwmaLambda, 1].");
        if (Paths is < 100 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(Paths), Paths, "Paths must be in [100, 1000000].");
        if (AgentPaths is < 100 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(AgentPaths), AgentPaths, "AgentPaths must be in [100, 1000000].");
        foreach (var h in Horizons)
        {
            if (h.Ticks % TimeSpan.TicksPerHour != 0 || h.TotalHours is < 1 or > 720)
                throw new ArgumentOutOfRangeException(nameof(Horizons), h, "Each horizon must be a whole number of hours in [1, 720].");
        }
    }
}
