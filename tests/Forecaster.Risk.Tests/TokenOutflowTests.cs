using Forecaster.Markets;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;
using Xunit;

namespace Forecaster.Risk.Tests;

/// <summary>
/// Deposits measured in tokens where the hours know them: a price fall is no outflow. A WETH-like market whose ETH price
/// halves while its tokens stay put must show no outflow; the same hours without token balances show the old USD figures.
/// </summary>
public class TokenOutflowTests
{
    private static readonly DateTimeOffset T0 = new(2022, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Market Weth = Market.FromName("test_weth");
    private const int CrashHour = 50 * 24;

    // 60 days; the price is $2,000 until day 50, then halves geometrically over 24 hours and stays at $1,000. Tokens are
    // flat (noise = 0) or move by small Gaussian noise; utilization stays at 50% in tokens, so borrows fall with the price too.
    private static List<MarketHour> PriceHalves(double noise, bool tokensKnown)
    {
        var random = new Random(9);
        var hours = new List<MarketHour>();
        var tokens = 1e24;
        for (var h = 0; h < 60 * 24; h++)
        {
            tokens *= 1 + noise * StudentT.NextNormal(random);
            var price = h < CrashHour ? 2000 : h < CrashHour + 24 ? 2000 * Math.Pow(0.5, (h - CrashHour) / 24.0) : 1000;
            var usd = tokens / 1e18 * price;
            hours.Add(new MarketHour(T0.AddHours(h), usd, usd / 2, 0, 1, 2, DataQuality.None, 0, 0)
            {
                SuppliedTokens = tokensKnown ? tokens : double.NaN,
            });
        }
        return hours;
    }

    [Fact]
    public void HistoricalOutflows_SeeNoOutflow_WhenOnlyThePriceHalves_AndHalfTheDepositsInUsdOnly()
    {
        var day = TimeSpan.FromHours(24);
        var inTokens = OutflowRiskModel.HistoricalOutflows(PriceHalves(0, tokensKnown: true), day);
        Assert.All(inTokens, o => Assert.Equal(0, o));

        var inUsd = OutflowRiskModel.HistoricalOutflows(PriceHalves(0, tokensKnown: false), day);
        Assert.Equal(0.5, inUsd.Max(), 12);
        Assert.Equal(inTokens.Count, inUsd.Count);
    }

    [Fact]
    public void Assess_KeepsTheOutflowTailSmall_WhenOnlyThePriceHalves()
    {
        // The hour after the fall: the USD view has just seen a 50% "run" and its filtered volatility is at its height.
        var asOf = T0.AddHours(CrashHour + 25);
        var tokens = new OutflowRiskModel().Assess(Weth, PriceHalves(0.001, tokensKnown: true), asOf);
        var usd = new OutflowRiskModel().Assess(Weth, PriceHalves(0.001, tokensKnown: false), asOf);

        double Es99(LiquidityRiskReport r, OutflowMethod m) => r.Outflows.Single(o => o.Method == m && o.Horizon == TimeSpan.FromHours(24)).Es99;
        // 0.1% an hour is about 0.5% a day: a 99% tail of a few percent at most.
        Assert.InRange(Es99(tokens, OutflowMethod.Historical), 0, 0.03);
        Assert.InRange(Es99(tokens, OutflowMethod.FilteredHistorical), 0, 0.03);
        Assert.True(Es99(usd, OutflowMethod.Historical) > 0.3, $"USD history sees the halving: {Es99(usd, OutflowMethod.Historical)}");
        Assert.True(Es99(usd, OutflowMethod.FilteredHistorical) > 0.1, $"USD filtered volatility is raised: {Es99(usd, OutflowMethod.FilteredHistorical)}");
        // The buffer stays in USD at the as-of hour's price.
        Assert.Equal(Es99(tokens, OutflowMethod.FilteredHistorical) * tokens.Current.SuppliedUsd, tokens.Es99Outflow24hUsd, 1e-3);
    }

    [Fact]
    public void Assess_GivesTheUsdFiguresBitForBit_WhenTokensAreUnknownOrMoveWithUsd()
    {
        // Tokens equal to USD (a stablecoin at exactly $1) must change nothing: every change is then the same division.
        var unknown = PriceHalves(0.001, tokensKnown: false);
        var atOneDollar = unknown.Select(h => h with { SuppliedTokens = h.SuppliedUsd }).ToList();
        var asOf = T0.AddHours(CrashHour + 25);
        var a = new OutflowRiskModel().Assess(Weth, unknown, asOf);
        var b = new OutflowRiskModel().Assess(Weth, atOneDollar, asOf);
        Assert.Equal(a.Outflows, b.Outflows);
        Assert.Equal(a.Es99Outflow24hUsd, b.Es99Outflow24hUsd);

        // Unknown tokens: exactly the USD formula, 1 - D(t+h)/D(t).
        var day = TimeSpan.FromHours(24);
        var expected = Enumerable.Range(0, unknown.Count - 24).Select(i => 1 - unknown[i + 24].SuppliedUsd / unknown[i].SuppliedUsd);
        Assert.Equal(expected, OutflowRiskModel.HistoricalOutflows(unknown, day));
    }

    [Fact]
    public void DepositChange_NeverMixesUnits_WithinOneChange()
    {
        var a = new MarketHour(T0, 2000, 0, 0, 1, 2, DataQuality.None, 0, 0) { SuppliedTokens = 1e18 };
        var priceHalved = a with { Hour = T0.AddHours(1), SuppliedUsd = 1000 };
        var unknownLater = priceHalved with { SuppliedTokens = double.NaN };

        Assert.True(DepositChange.InTokens(a, priceHalved));
        Assert.Equal(1, DepositChange.Ratio(a, priceHalved));
        Assert.Equal(0, DepositChange.OutflowUsd(a, priceHalved));
        // One end unknown: both ends in USD, never tokens over USD.
        Assert.False(DepositChange.InTokens(a, unknownLater));
        Assert.Equal(0.5, DepositChange.Ratio(a, unknownLater));
        Assert.Equal(1000, DepositChange.OutflowUsd(a, unknownLater));
        Assert.False(DepositChange.InTokens(unknownLater, a));
        // A quarter of the tokens leaves while the price halves: 25% of the earlier USD value left.
        Assert.Equal(500, DepositChange.OutflowUsd(a, priceHalved with { SuppliedTokens = 0.75e18, SuppliedUsd = 750 }));
        Assert.True(double.IsNaN(DepositChange.Ratio(a with { SuppliedUsd = 0, SuppliedTokens = double.NaN }, a)));
    }

    [Fact]
    public void FindWorst_FindsNoDepositOutflow_WhenOnlyThePriceHalvesWithinAnHour()
    {
        // $2B of WETH; the price halves in one hour at hour 48; tokens flat.
        var hours = Enumerable.Range(0, 100).Select(h =>
        {
            var usd = h < 48 ? 2e9 : 1e9;
            return new MarketHour(T0.AddHours(h), usd, usd / 2, 0, 1, 2, DataQuality.None, 0, 0) { SuppliedTokens = 1e24 };
        }).ToList();

        var inTokens = StressTester.FindWorst([(Weth, hours)], hours[^1].Hour);
        Assert.DoesNotContain(inTokens, s => s.DepositOutflowShare > 0);

        var usdOnly = hours.Select(h => h with { SuppliedTokens = double.NaN }).ToList();
        var oneHour = StressTester.FindWorst([(Weth, usdOnly)], hours[^1].Hour).Single(s => s.Name == "largest 1 h deposit outflow");
        Assert.Equal(0.5, oneHour.DepositOutflowShare);
        Assert.Equal(T0.AddHours(47), oneHour.Start);
    }
}
