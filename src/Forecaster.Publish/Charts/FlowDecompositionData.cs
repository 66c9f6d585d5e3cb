namespace Forecaster.Publish.Charts;

/// <summary>Inputs of the hourly flow decomposition. Every amount is a non-negative USD volume in the hour.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="Times">Hours, in time order.</param>
/// <param name="DepositsUsd">Deposits (add liquidity).</param>
/// <param name="WithdrawalsUsd">Withdrawals (remove liquidity).</param>
/// <param name="BorrowsUsd">Borrows (remove liquidity).</param>
/// <param name="RepaysUsd">Repays (add liquidity).</param>
/// <param name="LiquidationsUsd">Debt repaid through liquidations (adds liquidity).</param>
/// <param name="Method">How the flows were obtained (event logs, or net hourly deltas), printed under the chart.</param>
public sealed record FlowDecompositionData(
    string Title,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyList<double> DepositsUsd,
    IReadOnlyList<double> WithdrawalsUsd,
    IReadOnlyList<double> BorrowsUsd,
    IReadOnlyList<double> RepaysUsd,
    IReadOnlyList<double> LiquidationsUsd,
    string Method)
{
    /// <summary>Checks lengths and signs.</summary>
    /// <exception cref="ArgumentException">A series differs in length from <see cref="Times"/> or holds a negative or non-finite amount.</exception>
    public void Validate()
    {
        foreach (var (name, series) in Series())
        {
            if (series.Count != Times.Count)
                throw new ArgumentException($"{name} has {series.Count} values for {Times.Count} hours.", name);
            if (series.Any(v => !double.IsFinite(v) || v < 0))
                throw new ArgumentException($"{name} must be finite and non-negative (a volume, not a net change).", name);
        }
    }

    /// <summary>The five series with their names, liquidity-adding first.</summary>
    public IEnumerable<(string Name, IReadOnlyList<double> Values)> Series()
    {
        yield return (nameof(DepositsUsd), DepositsUsd);
        yield return (nameof(RepaysUsd), RepaysUsd);
        yield return (nameof(LiquidationsUsd), LiquidationsUsd);
        yield return (nameof(WithdrawalsUsd), WithdrawalsUsd);
        yield return (nameof(BorrowsUsd), BorrowsUsd);
    }
}
