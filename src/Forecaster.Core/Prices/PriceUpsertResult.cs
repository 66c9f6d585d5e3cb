namespace Forecaster.Prices;

/// <summary>What one <see cref="PriceBatch"/> did to the store.</summary>
/// <param name="Symbol">Token symbol.</param>
/// <param name="Inserted">Hours not stored before.</param>
/// <param name="Updated">Hours stored before whose price or observation time changed.</param>
/// <param name="Unchanged">Hours stored before with the same values (re-ingesting a file).</param>
public sealed record PriceUpsertResult(string Symbol, long Inserted, long Updated, long Unchanged);
