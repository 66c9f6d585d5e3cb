namespace Forecaster.Recommend;

/// <summary>One recommended value as proposed, and when.</summary>
/// <param name="Market">Market name.</param>
/// <param name="Parameter">Parameter name.</param>
/// <param name="Value">The value proposed.</param>
/// <param name="At">The proposal's as-of hour.</param>
public sealed record ParameterRecord(string Market, string Parameter, double Value, DateTimeOffset At);

/// <summary>
/// What earlier proposals recommended and when: the last-change times the minimum delays are enforced against, and the
/// values the next proposal starts from where the protocol's own values are unknown (a passed proposal is assumed applied).
/// </summary>
public sealed class ParameterHistory(IReadOnlyList<ParameterRecord> records)
{
    /// <summary>Every record, oldest first.</summary>
    public IReadOnlyList<ParameterRecord> Records { get; } = records.OrderBy(r => r.At).ToList();

    /// <summary>No history.</summary>
    public static ParameterHistory Empty { get; } = new([]);

    /// <summary>When each of a market's parameters was last proposed to change, up to <paramref name="asOf"/>.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastChanged(string market, DateTimeOffset asOf) =>
        Latest(market, asOf).ToDictionary(r => r.Parameter, r => r.At);

    /// <summary>
    /// The parameters with the latest recorded value of each put in place of an assumed one; parameters the protocol
    /// reported (<see cref="MarketParameters.Assumed"/> false) are kept as they are.
    /// </summary>
    public MarketParameters Apply(string market, MarketParameters parameters, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!parameters.Assumed) return parameters;
        var latest = Latest(market, asOf).ToDictionary(r => r.Parameter, r => r.Value);
        double Get(string name, double fallback) => latest.TryGetValue(name, out var v) ? v : fallback;
        var collateral = parameters.Collateral is { } c
            ? c with { Ltv = Get("ltv", c.Ltv), LiquidationThreshold = Get("liquidationThreshold", c.LiquidationThreshold) }
            : null;
        return parameters with
        {
            BorrowCapUsd = Get("borrowCap", parameters.BorrowCapUsd),
            // Likewise a reserve factor read from the market's own rates.
            ReserveFactor = parameters.ReserveFactorEstimate is null ? Get("reserveFactor", parameters.ReserveFactor) : parameters.ReserveFactor,
            // A slope read from the market's own rates is what is in force; a recorded proposal is only what was asked for.
            Slope2Pct = parameters.RateCurve is null ? Get("slope2", parameters.Slope2Pct) : parameters.Slope2Pct,
            BorrowingPaused = Get("borrowingPaused", parameters.BorrowingPaused ? 1 : 0) >= 0.5,
            Collateral = collateral,
        };
    }

    /// <summary>This history with the given changes recorded at <paramref name="at"/>.</summary>
    public ParameterHistory With(IEnumerable<ParameterChange> changes, DateTimeOffset at) =>
        new([.. Records, .. changes.Where(c => c.Recommended != c.Current).Select(c => new ParameterRecord(c.Market, c.Parameter, c.Recommended, at))]);

    // A proposal never looks at records made after its own as-of hour (a replay of an earlier day must not see them).
    private IEnumerable<ParameterRecord> Latest(string market, DateTimeOffset asOf) =>
        Records.Where(r => r.Market == market && r.At <= asOf).GroupBy(r => r.Parameter).Select(g => g.Last());
}
