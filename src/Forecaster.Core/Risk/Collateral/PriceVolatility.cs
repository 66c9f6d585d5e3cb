using Forecaster.Prices;

namespace Forecaster.Risk.Collateral;

/// <summary>
/// A token's hourly price volatility as of an hour, from stored hourly prices: the EWMA of squared hourly log returns
/// (RiskMetrics' daily lambda 0.94 carried to hours, 0.94^(1/24), so the memory spans the same ~11-day half-life) and
/// the realised volatility of the last 30 days. A return across a gap of g hours is divided by sqrt(g), its one-hour
/// equivalent under a random walk; gaps longer than a day break the series (no return is read across them).
/// </summary>
/// <param name="Symbol">Token.</param>
/// <param name="AsOf">Last hour used.</param>
/// <param name="EwmaHourly">EWMA volatility of hourly log returns.</param>
/// <param name="RealisedHourly30d">Standard deviation of the last 30 days' hourly log returns.</param>
/// <param name="Returns">Returns the 30-day figure rests on.</param>
public sealed record PriceVolatility(string Symbol, DateTimeOffset AsOf, double EwmaHourly, double RealisedHourly30d, int Returns)
{
    /// <summary>Hourly decay of the EWMA: RiskMetrics' daily 0.94 spread over 24 hours.</summary>
    public static readonly double Lambda = Math.Pow(0.94, 1.0 / 24);

    /// <summary>Fewest returns in the last 30 days for an estimate: a week of hours.</summary>
    public const int MinimumReturns = 7 * 24;

    /// <summary>The volatility a rule should use: the higher of the two, so it tightens as soon as the EWMA rises and relaxes only when the month has calmed too.</summary>
    public double Hourly => Math.Max(EwmaHourly, RealisedHourly30d);

    /// <summary>Annualised <see cref="Hourly"/> (8,760 hours), for readers used to that unit.</summary>
    public double Annualised => Hourly * Math.Sqrt(8760);

    /// <summary>Estimates from prices up to <paramref name="asOf"/> (later hours are ignored).</summary>
    /// <exception cref="InsufficientHistoryException">Fewer than <see cref="MinimumReturns"/> returns in the last 30 days, or the last price is more than a day old.</exception>
    public static PriceVolatility Estimate(string symbol, IReadOnlyList<PriceHour> prices, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var usable = prices.Where(p => p.Hour <= asOf).OrderBy(p => p.Hour).ToList();
        var windowStart = asOf - TimeSpan.FromDays(30);
        if (usable.Count == 0 || asOf - usable[^1].Hour > TimeSpan.FromDays(1))
            throw new InsufficientHistoryException(symbol + " prices", 0, MinimumReturns);

        double variance = double.NaN;
        var recent = new List<double>();
        for (var i = 1; i < usable.Count; i++)
        {
            var hours = (usable[i].Hour - usable[i - 1].Hour).TotalHours;
            if (hours > 24) continue;
            var r = Math.Log(usable[i].PriceUsd / usable[i - 1].PriceUsd) / Math.Sqrt(hours);
            variance = double.IsNaN(variance) ? r * r : Lambda * variance + (1 - Lambda) * r * r;
            if (usable[i].Hour > windowStart) recent.Add(r);
        }
        if (recent.Count < MinimumReturns) throw new InsufficientHistoryException(symbol + " prices", recent.Count, MinimumReturns);
        var mean = recent.Average();
        var realised = Math.Sqrt(recent.Sum(r => (r - mean) * (r - mean)) / (recent.Count - 1));
        return new PriceVolatility(symbol, usable[^1].Hour, Math.Sqrt(variance), realised, recent.Count);
    }
}
