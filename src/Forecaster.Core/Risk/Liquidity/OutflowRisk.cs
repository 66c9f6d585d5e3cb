namespace Forecaster.Risk.Liquidity;

/// <summary>Tail risk of a market's net deposit outflow over one horizon by one method. Outflows are shares of today's deposits.</summary>
/// <param name="Horizon">The horizon.</param>
/// <param name="Method">How the distribution was obtained.</param>
/// <param name="Var95">95% value-at-risk, share of deposits.</param>
/// <param name="Es95">95% expected shortfall, share of deposits.</param>
/// <param name="Var99">99% value-at-risk, share of deposits.</param>
/// <param name="Es99">99% expected shortfall, share of deposits.</param>
/// <param name="Samples">Number of outcomes behind the estimate.</param>
public sealed record OutflowRisk(TimeSpan Horizon, OutflowMethod Method, double Var95, double Es95, double Var99, double Es99, int Samples);
