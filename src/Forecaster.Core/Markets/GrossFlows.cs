namespace Forecaster.Markets;

/// <summary>
/// What moved through a market during one hour, gross: every deposit, withdrawal, borrow and repayment summed
/// separately, in USD. Known only where event-level data exists (logs read from a chain, or the agent simulator);
/// snapshot files carry only the state at the end of the hour, where flows within the hour cancel out.
/// </summary>
/// <param name="DepositsUsd">Deposits into the reserve (add withdrawable liquidity).</param>
/// <param name="WithdrawalsUsd">Withdrawals from the reserve (remove it).</param>
/// <param name="BorrowsUsd">New borrows (remove it).</param>
/// <param name="RepaysUsd">Repayments of borrows, liquidations' repaid debt excluded (add it).</param>
public readonly record struct GrossFlows(double DepositsUsd, double WithdrawalsUsd, double BorrowsUsd, double RepaysUsd)
{
    /// <summary>No flow at all: an hour with no events.</summary>
    public static GrossFlows None => default;

    /// <summary>Deposits minus withdrawals, USD.</summary>
    public double NetDepositsUsd => DepositsUsd - WithdrawalsUsd;

    /// <summary>Borrows minus repayments, USD.</summary>
    public double NetBorrowsUsd => BorrowsUsd - RepaysUsd;

    /// <summary>The sum of two hours' (or two sources') flows.</summary>
    public static GrossFlows operator +(GrossFlows a, GrossFlows b) =>
        new(a.DepositsUsd + b.DepositsUsd, a.WithdrawalsUsd + b.WithdrawalsUsd, a.BorrowsUsd + b.BorrowsUsd, a.RepaysUsd + b.RepaysUsd);

    /// <summary>Checks every amount is a finite, non-negative volume.</summary>
    /// <exception cref="ArgumentException">An amount is negative or not finite.</exception>
    public void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(DepositsUsd), DepositsUsd), (nameof(WithdrawalsUsd), WithdrawalsUsd), (nameof(BorrowsUsd), BorrowsUsd), (nameof(RepaysUsd), RepaysUsd) })
        {
            if (!double.IsFinite(value) || value < 0)
                throw new ArgumentException($"Gross flow {name} must be a finite, non-negative USD volume, not {value}.", name);
        }
    }
}
