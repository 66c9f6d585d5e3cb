namespace Forecaster.Recommend;

/// <summary>
/// Spreads a treasury budget of reserves across markets to minimise the sum of their 24 h shortfall probabilities:
/// the budget is cut into equal increments, and at each step the chunk of increments (1, 2, 4, ... up to what is left)
/// with the best probability reduction per increment goes to its market. Plain one-increment greed stalls on a market
/// deep in trouble, whose probability only falls once its top-up nears the typical outflow (an S-shaped curve); looking
/// at chunks lets it see past that flat start.
/// Never spends more than the budget; stops early when no increment helps any more.
/// </summary>
public static class TreasuryAllocator
{
    /// <summary>Allocates the budget.</summary>
    /// <param name="markets">The markets competing for reserves.</param>
    /// <param name="budgetUsd">Reserves available, USD; not negative.</param>
    /// <param name="increments">How finely the budget is cut, in [1, 100000].</param>
    /// <returns>Top-up per market, USD, in the order given.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The budget is negative or the increments out of range.</exception>
    public static IReadOnlyList<double> Allocate(IReadOnlyList<MarketExposure> markets, double budgetUsd, int increments = 1000)
    {
        ArgumentNullException.ThrowIfNull(markets);
        if (budgetUsd < 0 || double.IsNaN(budgetUsd)) throw new ArgumentOutOfRangeException(nameof(budgetUsd), budgetUsd, "budgetUsd must not be negative.");
        if (increments is < 1 or > 100_000) throw new ArgumentOutOfRangeException(nameof(increments), increments, "increments must be in [1, 100000].");
        var allocation = new double[markets.Count];
        if (markets.Count == 0 || budgetUsd == 0) return allocation;

        var step = budgetUsd / increments;
        var left = increments;
        while (left > 0)
        {
            var (best, bestChunk, bestRate) = (-1, 0, 0.0);
            for (var i = 0; i < markets.Count; i++)
            {
                var now = markets[i].ShortfallProbability(allocation[i]);
                for (var chunk = 1; chunk <= left; chunk *= 2)
                {
                    var rate = (now - markets[i].ShortfallProbability(allocation[i] + chunk * step)) / chunk;
                    if (rate > bestRate) (best, bestChunk, bestRate) = (i, chunk, rate);
                }
            }
            if (best < 0) break;
            allocation[best] += bestChunk * step;
            left -= bestChunk;
        }
        return allocation;
    }
}
