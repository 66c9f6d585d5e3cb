using Forecaster.Risk.Liquidity;

namespace Forecaster.Simulation.Agents;

/// <summary>
/// What every market of one simulation sees alike: the collateral price path (geometric Brownian motion with downward
/// jumps) and stablecoin depegs. Drawn from its own random stream, so adding a market never changes the others' world.
/// </summary>
internal sealed class SharedWorld
{
    private const double HoursPerYear = 24 * 365;
    private readonly double[] _price;
    private readonly List<(int Hour, string? Asset, double Size)> _depegs = [];

    public SharedWorld(int hours, int seed, AgentBehaviour behaviour, IReadOnlyList<string> stablecoins)
    {
        var random = new Random(unchecked(seed * 104729 + 17));
        _price = new double[hours + 1];
        _price[0] = 1;
        var sigma = behaviour.CollateralVolatility / Math.Sqrt(HoursPerYear);
        var crashes = new HashSet<int>();
        for (var h = 1; h <= hours; h++)
        {
            // Draws are the same every hour whatever happens, so a scripted shock changes nothing else.
            var z = StudentT.NextNormal(random);
            var jump = random.NextDouble();
            var jumpSize = 0.10 + 0.25 * random.NextDouble();
            var depeg = random.NextDouble();
            var depegAsset = stablecoins.Count > 0 ? stablecoins[random.Next(stablecoins.Count)] : null;
            var depegSize = 0.02 + 0.08 * random.NextDouble();

            var logReturn = -0.5 * sigma * sigma + sigma * z;
            if (behaviour.RandomShocks && jump < behaviour.CrashesPerYear / HoursPerYear)
            {
                logReturn += Math.Log(1 - jumpSize);
                crashes.Add(h - 1);
            }
            foreach (var s in behaviour.Script)
                if (s.Kind == ShockKind.PriceCrash && s.Hour == h - 1) { logReturn += Math.Log(1 - s.Size); crashes.Add(h - 1); }
            _price[h] = _price[h - 1] * Math.Exp(logReturn);

            if (behaviour.RandomShocks && depegAsset is not null && depeg < behaviour.DepegsPerYear / HoursPerYear)
                _depegs.Add((h - 1, depegAsset, depegSize));
        }
        foreach (var s in behaviour.Script)
            if (s.Kind == ShockKind.Depeg) _depegs.Add((s.Hour, null, s.Size));
        Crashes = crashes;
    }

    /// <summary>Hours (from the start) at which a crash hit the price.</summary>
    public IReadOnlySet<int> Crashes { get; }

    /// <summary>Collateral price at the start of hour h (1 at the start of the simulation).</summary>
    public double PriceBefore(int hour) => _price[hour];

    /// <summary>Collateral price at the end of hour h.</summary>
    public double PriceAfter(int hour) => _price[hour + 1];

    /// <summary>
    /// The depeg felt in a market at an hour: the discount of its asset, fading with a 6 h time constant as arbitrage
    /// restores the peg; 0 for markets of volatile assets. A scripted depeg (no asset named) hits every stablecoin.
    /// </summary>
    public double Depeg(int hour, string asset, bool stable)
    {
        if (!stable) return 0;
        double total = 0;
        foreach (var (start, depegAsset, size) in _depegs)
            if (hour >= start && hour < start + 48 && (depegAsset is null || depegAsset == asset))
                total += size * Math.Exp(-(hour - start) / 6.0);
        return total;
    }

    /// <summary>The depeg that starts at exactly this hour in a market, if any (for the shock log).</summary>
    public bool DepegStarts(int hour, string asset, bool stable) =>
        stable && _depegs.Any(d => d.Hour == hour && (d.Asset is null || d.Asset == asset));
}
