namespace Forecaster.Pipeline;

/// <summary>
/// A pool named as <c>CHAIN:POOL</c> (e.g. <c>ethereum:0x7d27...</c>, or <c>simulated:agents</c> for the simulator's
/// events): the form <c>--account-flows</c> and <c>Forecaster:Jobs:AccountFlows</c> take. The pool is kept in lower case,
/// as the store keys addresses.
/// </summary>
/// <param name="Chain">The chain.</param>
/// <param name="Source">The pool address or pseudo-pool name, lower case.</param>
public sealed record AccountFlowPool(string Chain, string Source)
{
    /// <summary>Reads <paramref name="value"/>; <paramref name="setting"/> names the option or key it came from, for the error.</summary>
    /// <exception cref="ForecasterException">The value is not CHAIN:POOL.</exception>
    public static AccountFlowPool Parse(string value, string setting)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(':');
        if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            throw new ForecasterException($"{setting}: expected CHAIN:POOL (e.g. ethereum:0x7d27... or simulated:{SimulatedFlowLogs.Source}), got '{value}'.");
        return new AccountFlowPool(parts[0].Trim(), parts[1].Trim().ToLowerInvariant());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Chain}:{Source}";
}
