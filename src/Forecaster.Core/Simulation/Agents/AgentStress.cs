using Forecaster.Markets;

namespace Forecaster.Simulation.Agents;

/// <summary>
/// Monte Carlo stress with the agents of <see cref="AgentSimulator"/>: from a market's state now (deposits, borrows and
/// its rate curve) run many independent paths (each with its own collateral price path, crashes, depegs and whale
/// decisions) and measure the net deposit outflow each would demand. The agents' shares and sensitivities are the
/// behaviour's defaults, not measured on the market.
/// </summary>
public static class AgentStress
{
    /// <summary>
    /// Net outflow demand over each horizon on every path, as a share of today's deposits: withdrawals asked for
    /// (paid or queued: the buffer has to meet them either way) less those called off, less new deposits.
    /// Result[k][p] is horizon k's outflow on path p.
    /// </summary>
    /// <param name="market">The market (its asset tells whether stablecoin depegs hit it).</param>
    /// <param name="current">Its state now; deposits must be positive.</param>
    /// <param name="curve">Its interest-rate curve.</param>
    /// <param name="horizonsHours">Horizons in hours, each in [1, 720].</param>
    /// <param name="paths">Number of paths, in [1, 1000000].</param>
    /// <param name="seed">Random seed: the same inputs and seed give the same outflows.</param>
    /// <param name="behaviour">Agent behaviour; the defaults when null.</param>
    /// <exception cref="ArgumentException">Deposits are not positive, or a count is out of range.</exception>
    public static double[][] NetOutflows(Market market, MarketHour current, InterestRateModel curve, IReadOnlyList<int> horizonsHours,
        int paths, int seed, AgentBehaviour? behaviour = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(horizonsHours);
        if (!(current.SuppliedUsd > 0) || !double.IsFinite(current.SuppliedUsd))
            throw new ArgumentException($"Agent stress of {market.Name} at {current.Hour:u} needs positive deposits, not {current.SuppliedUsd}.", nameof(current));
        if (paths is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(paths), paths, "paths must be in [1, 1000000].");
        if (horizonsHours.Count == 0 || horizonsHours.Any(h => h is < 1 or > 720))
            throw new ArgumentOutOfRangeException(nameof(horizonsHours), "Each horizon must be in [1, 720] hours.");
        behaviour ??= AgentBehaviour.Default;
        behaviour.Validate();

        var stable = SimulatedMarketNames.IsStablecoin(market.Asset);
        var longest = horizonsHours.Max();
        var deposits = current.SuppliedUsd;
        var borrowed = Math.Clamp(current.BorrowedUsd, 0, deposits);
        var result = horizonsHours.Select(_ => new double[paths]).ToArray();
        var flows = new FlowRecorder(market.Name, 0, current.Hour, onEvent: null);
        for (var p = 0; p < paths; p++)
        {
            var pathSeed = unchecked(seed * 31 + p);
            var world = new SharedWorld(longest, pathSeed, behaviour, SimulatedMarketNames.Stablecoins);
            var agents = new AgentMarket(new Random(pathSeed), curve, behaviour, stable, deposits, borrowed, world.PriceBefore(0));
            double outflow = 0;
            for (var h = 0; h < longest; h++)
            {
                flows.StartHour(h);
                agents.Step(world.PriceBefore(h), world.PriceAfter(h), world.Depeg(h, market.Asset, stable), behaviour.WhaleExitAt(h), flows);
                outflow += agents.NetOutflowDemand;
                for (var k = 0; k < horizonsHours.Count; k++)
                    if (horizonsHours[k] == h + 1) result[k][p] = outflow / deposits;
            }
        }
        return result;
    }
}
