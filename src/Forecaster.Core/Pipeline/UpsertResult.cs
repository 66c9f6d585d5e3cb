namespace Forecaster.Pipeline;

/// <summary>What one <see cref="MarketBatch"/> did to the store.</summary>
/// <param name="Market">Market name.</param>
/// <param name="Inserted">Hours that were not stored before.</param>
/// <param name="Updated">Hours stored before whose values changed.</param>
/// <param name="Unchanged">Hours stored before with the same values (re-ingesting a file).</param>
/// <param name="KeptNewer">Hours not replaced because the stored snapshot is newer than the incoming one.</param>
public sealed record UpsertResult(string Market, long Inserted, long Updated, long Unchanged, long KeptNewer)
{
    /// <summary>Stored hours removed because an authoritative batch no longer has them (<see cref="MarketBatch.Authoritative"/>).</summary>
    public long Removed { get; init; }
}
