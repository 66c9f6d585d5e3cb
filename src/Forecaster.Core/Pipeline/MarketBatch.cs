using Forecaster.Markets;

namespace Forecaster.Pipeline;

/// <summary>A market and hours of it to write together.</summary>
/// <param name="Market">The market; created in the store if new, its descriptive fields updated otherwise.</param>
/// <param name="Hours">Hours in any order, each hour at most once.</param>
public sealed record MarketBatch(Market Market, IReadOnlyList<MarketHour> Hours)
{
    /// <summary>
    /// Checks that a write names each market once and each of its hours once: every store implementation refuses such a
    /// write whole before touching anything.
    /// </summary>
    /// <exception cref="ArgumentException">A market appears twice, or a market has an hour twice.</exception>
    public static void EnsureDistinct(IReadOnlyList<MarketBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var names = new HashSet<string>();
        foreach (var batch in batches)
        {
            if (!names.Add(batch.Market.Name))
                throw new ArgumentException($"Market '{batch.Market.Name}' appears in two batches of one write.", nameof(batches));
            var hours = new HashSet<DateTimeOffset>();
            foreach (var hour in batch.Hours)
            {
                if (!hours.Add(hour.Hour))
                    throw new ArgumentException($"Market '{batch.Market.Name}' has hour {hour.Hour:O} twice in one write.", nameof(batches));
            }
        }
    }
}
