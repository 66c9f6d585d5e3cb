namespace Forecaster.Prices;

/// <summary>A token's USD price for one UTC hour: the last observation inside that hour.</summary>
/// <param name="Hour">Start of the hour, UTC, on a whole hour.</param>
/// <param name="PriceUsd">The price, USD per token; positive and finite.</param>
/// <param name="ObservedAt">When the observation the hour took its price from was made (unix milliseconds).</param>
public readonly record struct PriceHour(DateTimeOffset Hour, double PriceUsd, long ObservedAt);
