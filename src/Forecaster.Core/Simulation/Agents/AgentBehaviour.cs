namespace Forecaster.Simulation.Agents;

/// <summary>
/// How the agents of <see cref="AgentSimulator"/> behave. The defaults are chosen from what each number means (stated
/// per property), not fitted to any data set.
/// </summary>
public sealed record AgentBehaviour
{
    /// <summary>The defaults.</summary>
    public static AgentBehaviour Default { get; } = new();

    /// <summary>A quieter world: half the shocks a year (crashes, depegs, lone whale exits) and half the panic response.</summary>
    public static AgentBehaviour Calm { get; } = new() { PanicSensitivity = 0.5, CrashesPerYear = 2, DepegsPerYear = 0.5, WhaleExitsPerYear = 0.5 };

    /// <summary>A rougher world: twice the shocks a year and twice the panic response, with whales holding 60% of deposits.</summary>
    public static AgentBehaviour Turbulent { get; } = new() { PanicSensitivity = 2, CrashesPerYear = 8, DepegsPerYear = 2, WhaleExitsPerYear = 2, WhaleShare = 0.6 };

    /// <summary>The named behaviours of <c>forecaster simulate --behaviour</c>.</summary>
    public static IReadOnlyDictionary<string, AgentBehaviour> Named { get; } = new Dictionary<string, AgentBehaviour>
    {
        ["default"] = Default,
        ["calm"] = Calm,
        ["turbulent"] = Turbulent,
    };

    /// <summary>
    /// How strongly small depositors panic at other withdrawals, utilization near 100%, price drops and depegs; 0 turns
    /// panic off, 1 is the default, 2 doubles every panic response.
    /// </summary>
    public double PanicSensitivity { get; init; } = 1;

    /// <summary>Number of whales per market: few and large (together <see cref="WhaleShare"/> of deposits).</summary>
    public int Whales { get; init; } = 4;

    /// <summary>Share of deposits the whales hold together at the start; 40% is typical of a large Aave stablecoin market.</summary>
    public double WhaleShare { get; init; } = 0.4;

    /// <summary>Share of a position's debt one liquidation may repay (Aave: 50%).</summary>
    public double CloseFactor { get; init; } = 0.5;

    /// <summary>Extra collateral the liquidator receives, as a share of the debt repaid (Aave stablecoin collateral: 5%).</summary>
    public double LiquidationBonus { get; init; } = 0.05;

    /// <summary>Collateral value share at which a position becomes liquidatable (health factor 1); Aave ETH: 0.825.</summary>
    public double LiquidationThreshold { get; init; } = 0.825;

    /// <summary>Annual volatility of the shared collateral price (ETH-like: 60%).</summary>
    public double CollateralVolatility { get; init; } = 0.6;

    /// <summary>Expected collateral price crashes (jumps of -10% to -35%) a year.</summary>
    public double CrashesPerYear { get; init; } = 4;

    /// <summary>Expected stablecoin depegs a year (each hits one stablecoin's markets).</summary>
    public double DepegsPerYear { get; init; } = 1;

    /// <summary>Expected exits a year of one whale acting alone; peers' exits and panic make it far likelier.</summary>
    public double WhaleExitsPerYear { get; init; } = 1;

    /// <summary>False to switch off the random crashes, depegs and lone whale exits (scripted shocks still happen).</summary>
    public bool RandomShocks { get; init; } = true;

    /// <summary>Shocks that happen at set hours, whatever the random draws: for tests and what-if runs.</summary>
    public IReadOnlyList<ScriptedShock> Script { get; init; } = [];

    /// <summary>A rate curve for every market instead of the per-asset defaults (stablecoin or volatile).</summary>
    public InterestRateModel? Curve { get; init; }

    /// <summary>True to keep every event-level flow (FlowEvent); the hourly gross flows are always kept.</summary>
    public bool KeepEvents { get; init; }

    /// <summary>Share of its balance the first whale is scripted to ask back at an hour; 0 when none is.</summary>
    internal double WhaleExitAt(int hour)
    {
        double size = 0;
        foreach (var s in Script)
            if (s.Kind == ShockKind.WhaleExit && s.Hour == hour) size = Math.Max(size, s.Size);
        return size;
    }

    /// <summary>Checks every value, naming the first one out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        static void Require(bool ok, string name, object value, string rule)
        {
            if (!ok) throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}.");
        }
        Require(PanicSensitivity is >= 0 and <= 10, nameof(PanicSensitivity), PanicSensitivity, "in [0, 10]");
        Require(Whales is >= 0 and <= 50, nameof(Whales), Whales, "in [0, 50]");
        Require(WhaleShare is >= 0 and < 1, nameof(WhaleShare), WhaleShare, "in [0, 1)");
        Require(CloseFactor is > 0 and <= 1, nameof(CloseFactor), CloseFactor, "in (0, 1]");
        Require(LiquidationBonus is >= 0 and < 0.5, nameof(LiquidationBonus), LiquidationBonus, "in [0, 0.5)");
        Require(LiquidationThreshold is > 0 and < 1, nameof(LiquidationThreshold), LiquidationThreshold, "in (0, 1)");
        Require(CollateralVolatility is >= 0 and <= 5, nameof(CollateralVolatility), CollateralVolatility, "in [0, 5]");
        Require(CrashesPerYear is >= 0 and <= 365, nameof(CrashesPerYear), CrashesPerYear, "in [0, 365]");
        Require(DepegsPerYear is >= 0 and <= 365, nameof(DepegsPerYear), DepegsPerYear, "in [0, 365]");
        Require(WhaleExitsPerYear is >= 0 and <= 365, nameof(WhaleExitsPerYear), WhaleExitsPerYear, "in [0, 365]");
        foreach (var shock in Script)
            Require(shock.Hour >= 0 && shock.Size is > 0 and <= 1, nameof(Script), shock, "hours >= 0 with sizes in (0, 1]");
    }
}
