namespace Forecaster.Risk.Liquidity;

/// <summary>How an outflow distribution was obtained.</summary>
public enum OutflowMethod
{
    /// <summary>Historical simulation: the market's own past h-hour outflows, as they happened.</summary>
    Historical,

    /// <summary>Filtered historical simulation: past hourly shocks standardised by their EWMA volatility, replayed at today's volatility.</summary>
    FilteredHistorical,

    /// <summary>Monte Carlo: Student-t shocks fitted to the standardised history, with EWMA volatility updating along each path.</summary>
    MonteCarlo,

    /// <summary>
    /// Agent-based Monte Carlo: depositors, whales, borrowers and liquidators of the agent simulator run from today's
    /// state along random price paths; the outflow is the withdrawals they demand (paid or queued) less new deposits.
    /// </summary>
    AgentBased,
}
