namespace Forecaster.Pipeline;

/// <summary>A stored source (chain and pool, or <c>simulated</c> and <c>agents</c>) holding deposit events of a market.</summary>
/// <param name="Chain">The chain, e.g. <c>ethereum</c>.</param>
/// <param name="Source">The pool address (lower case) or pseudo-pool name.</param>
/// <param name="Market">The market whose Supply or Withdraw events it holds.</param>
public sealed record AccountFlowSource(string Chain, string Source, string Market)
{
    /// <summary>The <c>CHAIN:POOL</c> form the CLI and the service options use.</summary>
    public string Pool => $"{Chain}:{Source}";
}
