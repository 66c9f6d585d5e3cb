using Forecaster.Markets;
using Forecaster.Recommend;
using Xunit;

namespace Forecaster.Risk.Tests;

public sealed class RateResponseEstimatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Days = 60;
    private const int Period = 240;

    /// <summary>
    /// A WETH-like reserve over 60 days: the supply rate swings between 1% and 5% over 10-day cycles, and each hour the
    /// tokens grow by 0.2% per point of supply rate above 3%, so depositors answer the rate. The price follows
    /// <paramref name="price"/> (1 = $2000 a token); the token balances are known when <paramref name="withTokens"/>.
    /// </summary>
    private static MarketHour[] Reserve(Func<int, double> price, bool withTokens)
    {
        var hours = new MarketHour[Days * 24 + 1];
        var tokens = 50_000.0;
        for (var i = 0; i < hours.Length; i++)
        {
            var rate = 3 + 2 * Math.Sin(2 * Math.PI * i / Period);
            var usd = tokens * 2000 * price(i);
            hours[i] = new MarketHour(T0.AddHours(i), usd, usd * 0.5, 0, rate, rate * 1.5, DataQuality.None, 0, 0)
            {
                SuppliedTokens = withTokens ? tokens * 1e18 : double.NaN,
            };
            tokens *= 1 + 0.002 * (rate - 3);
        }
        return hours;
    }

    /// <summary>
    /// The price loses up to 10% over each rate cycle, falling while the rate is high: in USD the deposits seem to leave
    /// when the rate is highest. It is back at $2000 on the last hour (60 days are six cycles), so today's deposits in
    /// USD are the same as under a flat price.
    /// </summary>
    private static double Moving(int i) => 1 + 0.05 * (Math.Cos(2 * Math.PI * i / Period) - 1);

    /// <summary>Least squares of the 24 h USD deposit change on the supply rate, the estimator's answer before tokens.</summary>
    private static double UsdSlopeTimesDeposits(MarketHour[] hours)
    {
        var pairs = Enumerable.Range(0, hours.Length - 24).Select(i => (X: hours[i].SupplyRatePct, Y: hours[i + 24].SuppliedUsd / hours[i].SuppliedUsd - 1)).ToArray();
        var (mx, my) = (pairs.Average(p => p.X), pairs.Average(p => p.Y));
        var slope = pairs.Sum(p => (p.X - mx) * (p.Y - my)) / pairs.Sum(p => (p.X - mx) * (p.X - mx));
        return slope > 0 ? slope * hours[^1].SuppliedUsd : double.NaN;
    }

    [Fact]
    public void DepositsPerRatePointUsd_IsTheSame_WhetherThePriceMovesOrNot_WhenTokensAreKnown()
    {
        var flat = Reserve(_ => 1, withTokens: true);
        var moving = Reserve(Moving, withTokens: true);
        var asOf = flat[^1].Hour;

        var expected = RateResponseEstimator.DepositsPerRatePointUsd(flat, asOf);
        var actual = RateResponseEstimator.DepositsPerRatePointUsd(moving, asOf);

        Assert.True(expected > 0);
        Assert.Equal(expected, actual, expected * 1e-9);
        // In tokens the flat-price answer is the plain USD one: tokens and USD move together when the price holds.
        Assert.Equal(UsdSlopeTimesDeposits(flat), expected, expected * 1e-9);
    }

    [Fact]
    public void DepositsPerRatePointUsd_GivesTheUsdAnswer_WhenTokensAreUnknown()
    {
        var moving = Reserve(Moving, withTokens: false);
        var truth = RateResponseEstimator.DepositsPerRatePointUsd(Reserve(Moving, withTokens: true), moving[^1].Hour);

        var usd = RateResponseEstimator.DepositsPerRatePointUsd(moving, moving[^1].Hour);

        // The USD answer reads the price cycle as depositors leaving at high rates: it finds them much less responsive.
        var reference = UsdSlopeTimesDeposits(moving);
        Assert.True(reference > 0);
        Assert.Equal(reference, usd, reference * 1e-9);
        Assert.True(usd < 0.8 * truth, $"USD {usd:0}, tokens {truth:0}");
    }
}
