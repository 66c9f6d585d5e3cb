using Forecaster.Flows;
using Forecaster.Markets;

namespace Forecaster.Simulation.Agents;

/// <summary>
/// The agent-based market simulator, Forecaster's embedded default: in every market small depositors (rate-sensitive,
/// prone to panic at others' withdrawals, at utilization near 100%, at price falls and depegs), whales (rare large exits
/// that make their peers likelier to follow, returning when rates pay), borrowers (borrowing against a shared volatile
/// collateral, repaying when rates spike or their health factor nears 1) and liquidators (close factor and bonus) act
/// each hour on the market's kinked rate curve and on a collateral price path (geometric Brownian motion with crash
/// jumps) shared by all markets. Withdrawals that exceed the liquidity queue, so a shortfall pins utilization at 100%
/// until rates pull deposits back. Every action is an event-level flow; each hour carries its gross flows.
/// Deterministic: the same options and behaviour give the same markets, hour for hour.
/// </summary>
public static class AgentSimulator
{
    /// <summary>Chain name of the events the simulator emits (<see cref="SimulatedMarket.Events"/>).</summary>
    public const string EventChain = "simulated";

    /// <summary>Simulates the markets the options describe.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option or behaviour value is out of range.</exception>
    public static IReadOnlyList<SimulatedMarket> Run(SimulationOptions options, AgentBehaviour? behaviour = null)
    {
        var (world, valid) = Prepare(options, behaviour);
        // Markets are independent given the shared world (each has its own random stream), so they run in parallel
        // and still come out the same for the same seed.
        var markets = new SimulatedMarket[options.Markets];
        Parallel.For(0, options.Markets, i =>
        {
            var events = valid.KeepEvents ? new List<FlowEvent>() : null;
            var shocks = new List<(DateTimeOffset, string)>();
            var hours = Hours(options, valid, world, i, events is null ? null : events.Add, shocks).ToList();
            markets[i] = new SimulatedMarket(SimulatedMarketNames.Market(i), hours, shocks) { Events = events ?? [] };
        });
        return markets;
    }

    /// <summary>
    /// Simulates market <paramref name="index"/> of the run the options describe (the market <see cref="Run"/> gives at that
    /// index) an hour at a time, as it is enumerated: each hour with the event-level flows it produced (the first hour also
    /// with the opening deposits), so a consumer that stores or folds them as they come never holds the market's events at
    /// once. The list of events is reused: it holds an hour's events only until the next hour is asked for.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option or behaviour value is out of range, or the index is not one of the run's markets.</exception>
    public static IEnumerable<(MarketHour Hour, IReadOnlyList<FlowEvent> Events)> StreamMarket(SimulationOptions options, AgentBehaviour? behaviour, int index)
    {
        var (world, valid) = Prepare(options, behaviour);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, options.Markets);
        return Stream(options, valid, world, index);
    }

    /// <summary>The market at <paramref name="index"/> of every run (its name and asset; <see cref="StreamMarket"/> gives its hours).</summary>
    public static Market MarketAt(int index) => SimulatedMarketNames.Market(index);

    private static IEnumerable<(MarketHour, IReadOnlyList<FlowEvent>)> Stream(SimulationOptions options, AgentBehaviour behaviour, SharedWorld world, int index)
    {
        var events = new List<FlowEvent>();
        foreach (var hour in Hours(options, behaviour, world, index, events.Add, []))
        {
            yield return (hour, events);
            events.Clear();
        }
    }

    private static (SharedWorld World, AgentBehaviour Behaviour) Prepare(SimulationOptions options, AgentBehaviour? behaviour)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        behaviour ??= AgentBehaviour.Default;
        behaviour.Validate();
        return (new SharedWorld(options.Days * 24, options.Seed, behaviour, SimulatedMarketNames.Stablecoins), behaviour);
    }

    // One market's hours as they are simulated; its events go to onEvent (when given) and its shocks into shocks as they happen.
    private static IEnumerable<MarketHour> Hours(SimulationOptions options, AgentBehaviour behaviour, SharedWorld world, int index, Action<FlowEvent>? onEvent,
        List<(DateTimeOffset, string)> shocks)
    {
        var hours = options.Days * 24;
        var market = SimulatedMarketNames.Market(index);
        var stable = SimulatedMarketNames.IsStablecoin(market.Asset);
        var curve = behaviour.Curve ?? InterestRateModel.ForAsset(market.Asset);
        var random = new Random(unchecked(options.Seed * 7919 + index));
        // Market sizes log-uniform from $50M to $2B; utilization starts between 45% and 75%.
        var deposits = Math.Exp(random.NextDouble() * Math.Log(40) + Math.Log(50e6));
        var borrowed = deposits * (0.45 + 0.3 * random.NextDouble());
        var agents = new AgentMarket(random, curve, behaviour, stable, deposits, borrowed, world.PriceBefore(0));
        var flows = new FlowRecorder(market.Name, index, options.Start, onEvent);
        agents.Open(flows);

        var panicking = false;
        for (var h = 0; h < hours; h++)
        {
            var hour = options.Start.AddHours(h);
            flows.StartHour(h);
            agents.Step(world.PriceBefore(h), world.PriceAfter(h), world.Depeg(h, market.Asset, stable), behaviour.WhaleExitAt(h), flows);

            if (world.Crashes.Contains(h)) shocks.Add((hour, "price crash"));
            if (world.DepegStarts(h, market.Asset, stable)) shocks.Add((hour, "depeg"));
            if (agents.WhaleLeft) shocks.Add((hour, "whale withdrawal"));
            // A run: panic strong enough that small depositors ask for 2% of their deposits an hour.
            if (!panicking && agents.Panic >= 1) shocks.Add((hour, "bank run"));
            panicking = agents.Panic >= 0.5 && (panicking || agents.Panic >= 1);

            var supplied = agents.Deposits;
            var lent = agents.Borrowed;
            var utilization = supplied > 0 ? lent / supplied : 0;
            yield return new MarketHour(hour, supplied, lent, flows.Liquidations, curve.SupplyRatePct(utilization), curve.BorrowRatePct(utilization),
                DataQuality.Simulated, hour.ToUnixTimeSeconds(), 0) { Flows = flows.Flows };
        }
    }
}
