namespace Forecaster.Chain.Ingestion;

/// <summary>The difference between a reserve's event-built state and the pool's own at one block, in whole tokens.</summary>
/// <param name="Market">Market name.</param>
/// <param name="Block">Block compared at.</param>
/// <param name="SuppliedFromEvents">Deposits built from events.</param>
/// <param name="SuppliedOnChain">Deposits the pool reports.</param>
/// <param name="BorrowedFromEvents">Debt built from events.</param>
/// <param name="BorrowedOnChain">Debt the pool reports.</param>
public sealed record ReserveDrift(string Market, long Block, decimal SuppliedFromEvents, decimal SuppliedOnChain, decimal BorrowedFromEvents, decimal BorrowedOnChain)
{
    /// <summary>Relative tolerance below which the two agree (rounding of interest indexes).</summary>
    public const decimal Tolerance = 0.000001m;

    /// <summary>On-chain minus event-built deposits.</summary>
    public decimal SuppliedDrift => SuppliedOnChain - SuppliedFromEvents;

    /// <summary>On-chain minus event-built debt.</summary>
    public decimal BorrowedDrift => BorrowedOnChain - BorrowedFromEvents;

    /// <summary>True when both differ by at most <see cref="Tolerance"/> of the on-chain value (or exactly, when it is 0).</summary>
    public bool Agrees => Within(SuppliedDrift, SuppliedOnChain) && Within(BorrowedDrift, BorrowedOnChain);

    private static bool Within(decimal drift, decimal reference) => Math.Abs(drift) <= Tolerance * Math.Abs(reference);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Market} at block {Block}: supplied events {SuppliedFromEvents} vs pool {SuppliedOnChain} (drift {SuppliedDrift}), " +
        $"borrowed events {BorrowedFromEvents} vs pool {BorrowedOnChain} (drift {BorrowedDrift}){(Agrees ? "" : " DRIFT")}";
}
