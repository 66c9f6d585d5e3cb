using Forecaster.Markets;

namespace Forecaster.Pipeline;

/// <summary>A market and hours of it to write together.</summary>
/// <param name="Market">The market; created in the store if new, its descriptive fields updated otherwise.</param>
/// <param name="Hours">Hours in any order, each hour at most once.</param>
public sealed record MarketBatch(Market Market, IReadOnlyList<MarketHour> Hours)
{
    /// <summary>
    /// True when the hours are their source's whole, current account of the market from the batch's first hour on (a chain's
    /// hours aggregated from its canonical branch). In that span a changed stored hour is replaced even when its snapshot is
    /// newer (after a reorg the new tip can be stamped earlier than the orphaned one), and a stored hour the batch lacks is
    /// removed (it came from blocks no longer on the chain). False for snapshot files, where an older file never overwrites
    /// a newer one.
    /// </summary>
    public bool Authoritative { get; init; }

    /// <summary>The first hour an authoritative batch accounts for; null when it is not authoritative or has no hours.</summary>
    public DateTimeOffset? AuthoritativeFrom => Authoritative && Hours.Count > 0 ? Hours.Min(h => h.Hour) : null;

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
