using Forecaster.Markets;
using Forecaster.Modeling.Features;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>
/// The deposit-flow and borrow-change features read deposits and borrows in tokens where the hours know them: a WETH-like
/// reserve whose price halves while no token moves has no outflow and no borrow change; the same hours without token
/// balances show the 50% fall in USD.
/// </summary>
public sealed class TokenFlowFeatureTests
{
    private const int PriceFall = 200;
    private const int Length = 400;

    /// <summary>
    /// $100M of deposits, half borrowed, utilization flat; at hour <see cref="PriceFall"/> the price halves, so deposits
    /// and borrows fall to half in USD. Token balances (1e24 raw units throughout) when <paramref name="withTokens"/>.
    /// </summary>
    private static MarketHour[] PriceHalves(bool withTokens) =>
        Hours.FromUtilization(Enumerable.Repeat(0.5, Length).ToArray()).Select((h, i) =>
        {
            var price = i < PriceFall ? 1.0 : 0.5;
            return h with
            {
                SuppliedUsd = h.SuppliedUsd * price,
                BorrowedUsd = h.BorrowedUsd * price,
                SuppliedTokens = withTokens ? 1e24 : double.NaN,
            };
        }).ToArray();

    private static float At(FeatureMatrix features, string name, int hour) => FeatureColumns.Of(features, name)[hour];

    private static FeatureMatrix Own(MarketHour[] hours) => ShortfallFeatureBuilder.Build([new MarketHistory("weth", hours)], 0.98)[0];

    [Fact]
    public void Build_ShowsNoOutflow_WhenOnlyThePriceHalvesAndTokensStayFlat()
    {
        var tokens = Own(PriceHalves(withTokens: true));
        var usd = Own(PriceHalves(withTokens: false));
        var afterFall = PriceFall + 10;

        foreach (var name in new[] { "deposit_change_24h", "deposit_change_168h", "largest_outflow_24h", "largest_outflow_168h", "deposit_flow_vol_24h", "deposit_flow_vol_168h" })
            Assert.Equal(0f, At(tokens, name, afterFall));
        Assert.Equal(-0.5f, At(usd, "deposit_change_24h", afterFall), 5);
        Assert.Equal(-0.5f, At(usd, "deposit_change_168h", afterFall), 5);
        Assert.Equal(-0.5f, At(usd, "largest_outflow_24h", afterFall), 5);
        Assert.Equal(-0.5f, At(usd, "largest_outflow_168h", afterFall), 5);
        Assert.True(At(usd, "deposit_flow_vol_24h", afterFall) > 0.05f);

        // The outflow-based scores see nothing new in tokens; in USD the fall is the most surprising hour yet.
        Assert.Equal(At(tokens, "deposit_outflow_surprise", PriceFall - 1), At(tokens, "deposit_outflow_surprise", PriceFall));
        Assert.True(At(usd, "deposit_outflow_surprise", PriceFall) > At(tokens, "deposit_outflow_surprise", PriceFall) + 1);
        // Liquidity over the worst hourly outflow and over the outflow ES99: the $50M "outflow" in USD sinks both.
        Assert.True(At(usd, "log_liquidity_over_worst_outflow", afterFall) < At(tokens, "log_liquidity_over_worst_outflow", afterFall) - 1);
        Assert.True(At(usd, "log_liquidity_over_outflow_es99", afterFall) < At(tokens, "log_liquidity_over_outflow_es99", afterFall) - 1);
        Assert.Equal(At(tokens, "log_liquidity_over_outflow_es99", PriceFall - 1), At(tokens, "log_liquidity_over_outflow_es99", afterFall));

        // Size is a USD level and stays one: the reserve is worth $50M after the fall either way.
        Assert.Equal((float)Math.Log10(50e6), At(tokens, "log10_deposits", afterFall), 5);
        Assert.Equal(At(usd, "log10_deposits", afterFall), At(tokens, "log10_deposits", afterFall));
    }

    [Fact]
    public void Build_ShowsTheTokenOutflow_WhenTokensLeaveWhileThePriceHolds()
    {
        var hours = PriceHalves(withTokens: true);
        // A fifth of the tokens leaves at hour 100, before the price move; USD is left flat, as if the price rose to
        // match: only the tokens tell of the outflow.
        for (var i = 100; i < Length; i++) hours[i] = hours[i] with { SuppliedTokens = 0.8e24 };
        var features = Own(hours);

        Assert.Equal(0f, At(features, "largest_outflow_24h", 99));
        Assert.Equal(-0.2f, At(features, "largest_outflow_24h", 100), 5);
        Assert.Equal(-0.2f, At(features, "deposit_change_24h", 110), 5);
        Assert.Equal(0f, At(features, "deposit_change_24h", 130));
    }

    [Fact]
    public void Build_ShowsNoBorrowChange_WhenOnlyThePriceHalvesAndTokensStayFlat()
    {
        var tokens = Own(PriceHalves(withTokens: true));
        var usd = Own(PriceHalves(withTokens: false));

        foreach (var hour in new[] { PriceFall, PriceFall + 10, PriceFall + 100 })
        {
            Assert.Equal(0f, At(tokens, "borrow_change_24h", hour));
            Assert.Equal(0f, At(tokens, "borrow_change_168h", hour));
        }
        Assert.Equal(-0.5f, At(usd, "borrow_change_24h", PriceFall + 10), 5);
        Assert.Equal(-0.5f, At(usd, "borrow_change_168h", PriceFall + 100), 5);
    }

    [Fact]
    public void Build_ReadsATenPercentBorrowIncrease_UnderAMovingPrice()
    {
        // Deposits flat at 1e24 raw units; borrowed tokens step from half of them to 10% more at hour 200; the price
        // swings by up to 30% every few days throughout, so USD borrows move with it.
        const int Step = 200;
        var hours = Hours.FromUtilization(Enumerable.Repeat(0.5, Length).ToArray()).Select((h, i) =>
        {
            var price = 1 + 0.3 * Math.Sin(i / 20.0);
            var borrowedShare = i < Step ? 0.5 : 0.55;
            return h with { SuppliedUsd = h.SuppliedUsd * price, BorrowedUsd = h.SuppliedUsd * price * borrowedShare, SuppliedTokens = 1e24 };
        }).ToArray();
        var features = Own(hours);
        var usdOnly = Own(hours.Select(h => h with { SuppliedTokens = double.NaN }).ToArray());

        Assert.Equal(0f, At(features, "borrow_change_24h", Step - 1), 6);
        Assert.Equal(0.1f, At(features, "borrow_change_24h", Step), 6);
        Assert.Equal(0.1f, At(features, "borrow_change_24h", Step + 23), 6);
        Assert.Equal(0f, At(features, "borrow_change_24h", Step + 24), 6);
        Assert.Equal(0.1f, At(features, "borrow_change_168h", Step + 167), 6);
        Assert.Equal(0f, At(features, "borrow_change_168h", Step + 168), 6);
        // In USD the same step reads as the price's swing times 1.1: a fall of about a fifth, not a 10% rise.
        Assert.Equal((float)((1 + 0.3 * Math.Sin(Step / 20.0)) / (1 + 0.3 * Math.Sin((Step - 24) / 20.0)) * 1.1 - 1), At(usdOnly, "borrow_change_24h", Step), 5);
        Assert.True(At(usdOnly, "borrow_change_24h", Step) < -0.15f);
    }

    [Fact]
    public void Build_AveragesOtherMarketsTokenChanges_InTheCrossMarketColumn()
    {
        var calm = Hours.FromUtilization(Enumerable.Repeat(0.3, Length).ToArray());
        var withTokens = ShortfallFeatureBuilder.Build([new MarketHistory("usdc", calm), new MarketHistory("weth", PriceHalves(withTokens: true))], 0.98);
        var withoutTokens = ShortfallFeatureBuilder.Build([new MarketHistory("usdc", calm), new MarketHistory("weth", PriceHalves(withTokens: false))], 0.98);

        Assert.Equal(0f, At(withTokens[0], "others_deposit_change_24h", PriceFall + 10));
        Assert.Equal(-0.5f, At(withoutTokens[0], "others_deposit_change_24h", PriceFall + 10), 5);
    }
}
