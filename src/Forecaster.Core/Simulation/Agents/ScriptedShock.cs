namespace Forecaster.Simulation.Agents;

/// <summary>A shock that happens at a set hour of a simulation.</summary>
/// <param name="Hour">Hours after the first simulated hour.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Size">
/// How big, in (0, 1]: the collateral price's fall for <see cref="ShockKind.PriceCrash"/>, the share of its balance the
/// first whale asks back for <see cref="ShockKind.WhaleExit"/>, the stablecoin's discount for <see cref="ShockKind.Depeg"/>.
/// </param>
public sealed record ScriptedShock(int Hour, ShockKind Kind, double Size);

/// <summary>Kinds of <see cref="ScriptedShock"/>.</summary>
public enum ShockKind
{
    /// <summary>The shared collateral price falls by the size, for good.</summary>
    PriceCrash,

    /// <summary>The first whale of every market asks for the size's share of its balance back.</summary>
    WhaleExit,

    /// <summary>Every stablecoin market's asset trades at a discount of the size; depositors panic.</summary>
    Depeg,
}
