using Forecaster.Markets;

namespace Forecaster.Simulation;

/// <summary>
/// Synthetic lending markets for a fresh machine with no data: hourly deposits and borrows that respond to a kinked
/// interest-rate curve against a drifting outside rate, with occasional bank runs, whale withdrawals, borrow surges and
/// price crashes (liquidations). Withdrawals can never exceed available liquidity: unmet withdrawal demand waits, which
/// is exactly how a reserve shortfall looks on chain (utilization pinned at 100% until rates pull liquidity back).
/// Deterministic: the same options give the same markets, hour for hour. The agent-based simulator
/// (<see cref="Agents.AgentSimulator"/>) replaced it as the embedded default; this one stays for the early-warning and
/// chart tests whose expected episodes were found in its markets.
/// </summary>
public static class MarketSimulator
{
    /// <summary>Simulates the markets the options describe.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IReadOnlyList<SimulatedMarket> Run(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Enumerable.Range(0, options.Markets).Select(i => RunOne(options, i)).ToList();
    }

    private static SimulatedMarket RunOne(SimulationOptions options, int index)
    {
        var market = SimulatedMarketNames.Market(index);
        var random = new Random(unchecked(options.Seed * 7919 + index));
        var stable = SimulatedMarketNames.IsStablecoin(market.Asset);
        var curve = InterestRateModel.ForAsset(market.Asset);

        var state = new MarketState(random, curve, stable);
        var hours = new List<MarketHour>(options.Days * 24);
        var shocks = new List<(DateTimeOffset, string)>();
        for (var h = 0; h < options.Days * 24; h++)
        {
            var hour = options.Start.AddHours(h);
            var shock = state.Step();
            if (shock is not null) shocks.Add((hour, shock));
            var utilization = state.Borrowed / state.Supplied;
            hours.Add(new MarketHour(hour, state.Supplied, state.Borrowed, state.LiquidatedThisHour,
                curve.SupplyRatePct(utilization), curve.BorrowRatePct(utilization), DataQuality.Simulated,
                hour.ToUnixTimeSeconds(), 0));
        }
        return new SimulatedMarket(market, hours, shocks);
    }

    /// <summary>One market's evolving state; all amounts USD.</summary>
    private sealed class MarketState(Random random, InterestRateModel curve, bool stable)
    {
        private const double HoursPerDay = 24;
        private readonly double _targetBorrowPremium = stable ? 2.0 : 1.0;
        private double _outsideRate = stable ? 4.0 : 2.0;
        private double _pendingWithdrawals;
        private int _surgeHoursLeft;
        private double _surgeRate;

        public double Supplied { get; private set; } = Math.Exp(random.NextDouble() * Math.Log(40) + Math.Log(50e6));
        public double Borrowed { get; private set; }
        public double LiquidatedThisHour { get; private set; }

        private bool _initialised;

        public string? Step()
        {
            if (!_initialised)
            {
                Borrowed = Supplied * (0.45 + 0.3 * random.NextDouble());
                _initialised = true;
            }
            string? shock = null;
            LiquidatedThisHour = Math.Abs(Normal()) * Borrowed * 1e-5;

            // The outside rate wanders (mean-reverting), so the market's rates are sometimes unattractive.
            var mean = stable ? 4.0 : 2.0;
            _outsideRate += 0.02 * (mean - _outsideRate) / HoursPerDay + 0.08 * Normal();
            _outsideRate = Math.Max(0, _outsideRate);

            var u = Borrowed / Supplied;
            var supplyRate = curve.SupplyRatePct(u);
            var borrowRate = curve.BorrowRatePct(u);

            // Depositors chase the spread over the outside rate; borrowers retreat as the rate passes their reservation rate.
            var depositGrowth = 0.004 * (supplyRate - _outsideRate) / HoursPerDay + 0.0015 * Normal();
            var borrowGrowth = -0.006 * (borrowRate - (_outsideRate + _targetBorrowPremium)) / HoursPerDay + 0.0012 * Normal();

            if (random.NextDouble() < 1.0 / (24 * 60))
            {
                shock = "bank run";
                _pendingWithdrawals += Supplied * (0.15 + 0.35 * random.NextDouble());
            }
            else if (random.NextDouble() < 1.0 / (24 * 25))
            {
                shock = "whale withdrawal";
                _pendingWithdrawals += Supplied * (0.03 + 0.12 * random.NextDouble());
            }
            else if (random.NextDouble() < 1.0 / (24 * 90))
            {
                shock = "borrow surge";
                _surgeHoursLeft = 3 + random.Next(10);
                _surgeRate = 0.01 + 0.03 * random.NextDouble();
            }
            else if (random.NextDouble() < 1.0 / (24 * 45))
            {
                shock = "price crash";
                var liquidated = Borrowed * (0.02 + 0.08 * random.NextDouble());
                LiquidatedThisHour += liquidated;
                Borrowed -= liquidated;
                // Scared depositors follow a crash.
                _pendingWithdrawals += Supplied * 0.05 * random.NextDouble();
            }

            if (_surgeHoursLeft > 0)
            {
                borrowGrowth += _surgeRate;
                _surgeHoursLeft--;
            }

            var newSupplied = Supplied * Math.Exp(depositGrowth);
            var newBorrowed = Borrowed * Math.Exp(borrowGrowth);

            // Queued withdrawals leave at up to half the queue an hour; a high rate above the kink talks some of them out of it.
            if (_pendingWithdrawals > 0)
            {
                var wanted = _pendingWithdrawals * 0.5;
                if (borrowRate > curve.BaseRatePct + curve.Slope1Pct) _pendingWithdrawals *= 0.97;
                newSupplied -= wanted;
                _pendingWithdrawals -= wanted;
                if (_pendingWithdrawals < 1) _pendingWithdrawals = 0;
            }

            // No one can borrow what is not there, and no one can withdraw what is lent out: the queue keeps the rest.
            newBorrowed = Math.Min(newBorrowed, Math.Max(newSupplied, Supplied) * 0.9999);
            if (newSupplied < newBorrowed)
            {
                _pendingWithdrawals += newBorrowed - newSupplied;
                newSupplied = newBorrowed;
            }
            Supplied = Math.Max(newSupplied, 1e6);
            Borrowed = Math.Clamp(newBorrowed, 0, Supplied);
            return shock;
        }

        private double Normal()
        {
            // Box-Muller: System.Random has no normal sampler.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}
