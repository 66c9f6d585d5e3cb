namespace Forecaster.Ingest.Prices;

/// <summary>One row of a price file.</summary>
/// <param name="TimestampMs">When the price was observed, unix milliseconds.</param>
/// <param name="PriceUsd">USD per token; positive.</param>
/// <param name="Line">1-based line in its file, so ties in time keep file order.</param>
public readonly record struct PriceObservation(long TimestampMs, double PriceUsd, long Line);
