namespace Forecaster.Prices;

/// <summary>A token and hours of its price to write together.</summary>
/// <param name="Symbol">Token symbol in upper case, e.g. <c>WETH</c>: the same spelling as <see cref="Markets.Market.Asset"/>.</param>
/// <param name="Hours">Hours in any order, each at most once.</param>
public sealed record PriceBatch(string Symbol, IReadOnlyList<PriceHour> Hours)
{
    /// <summary>
    /// Checks a write before any store touches anything: each symbol once, in upper case, each of its hours once, on a
    /// whole hour, with a positive finite price.
    /// </summary>
    /// <exception cref="ArgumentException">The write breaks one of these rules; the message names the symbol and hour.</exception>
    public static void EnsureValid(IReadOnlyList<PriceBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var symbols = new HashSet<string>();
        foreach (var batch in batches)
        {
            if (string.IsNullOrWhiteSpace(batch.Symbol) || batch.Symbol != batch.Symbol.ToUpperInvariant())
                throw new ArgumentException($"Price symbol '{batch.Symbol}' must be non-empty and upper case.", nameof(batches));
            if (!symbols.Add(batch.Symbol))
                throw new ArgumentException($"Symbol '{batch.Symbol}' appears in two batches of one write.", nameof(batches));
            var hours = new HashSet<DateTimeOffset>();
            foreach (var hour in batch.Hours)
            {
                if (!hours.Add(hour.Hour))
                    throw new ArgumentException($"Symbol '{batch.Symbol}' has hour {hour.Hour:O} twice in one write.", nameof(batches));
                if (hour.Hour.Ticks % TimeSpan.TicksPerHour != 0 || hour.Hour.Offset != TimeSpan.Zero)
                    throw new ArgumentException($"Symbol '{batch.Symbol}': {hour.Hour:O} is not a whole UTC hour.", nameof(batches));
                if (!double.IsFinite(hour.PriceUsd) || hour.PriceUsd <= 0)
                    throw new ArgumentException($"Symbol '{batch.Symbol}' at {hour.Hour:O}: price {hour.PriceUsd} is not a positive number.", nameof(batches));
            }
        }
    }
}
