using Forecaster.Markets;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The replay's realised outflow counts tokens that left, valued at the price of the recommendation's hour.</summary>
public class ReplayRealizedOutflowTests
{
    private static readonly DateTimeOffset T0 = new(2022, 9, 13, 18, 0, 0, TimeSpan.Zero);

    // 25 hours of a $2B WETH reserve whose price halves in equal hourly steps while its tokens stay put.
    private static List<MarketHour> PriceHalves(bool tokensKnown) =>
        Enumerable.Range(0, 25).Select(h =>
        {
            var usd = 2e9 * Math.Pow(0.5, h / 24.0);
            return new MarketHour(T0.AddHours(h), usd, usd / 2, 0, 1, 2, DataQuality.None, 0, 0) { SuppliedTokens = tokensKnown ? 1e24 : double.NaN };
        }).ToList();

    [Fact]
    public void RealizedOutflowUsd_IsZero_WhenOnlyThePriceHalves_AndHalfTheDepositsInUsdOnly()
    {
        Assert.Equal(0, ReplayService.RealizedOutflowUsd(PriceHalves(tokensKnown: true), 0, T0.AddHours(24)));
        Assert.Equal(1e9, ReplayService.RealizedOutflowUsd(PriceHalves(tokensKnown: false), 0, T0.AddHours(24)), 1e-3);
    }

    [Fact]
    public void RealizedOutflowUsd_IsTheOldUsdFigureBitForBit_WhenTokensAreUnknown()
    {
        var random = new Random(3);
        var hours = Enumerable.Range(0, 48).Select(h => new MarketHour(T0.AddHours(h), 1e8 * (1 + random.NextDouble()), 5e7, 0, 1, 2, DataQuality.None, 0, 0)).ToList();
        for (var index = 0; index < 40; index += 7)
        {
            var until = T0.AddHours(index + 8);
            // The figure before tokens: deposits then less the lowest deposits up to the episode, at least 0.
            var lowest = hours.Skip(index + 1).TakeWhile(h => h.Hour <= until).Select(h => h.SuppliedUsd).DefaultIfEmpty(hours[index].SuppliedUsd).Min();
            Assert.Equal(Math.Max(hours[index].SuppliedUsd - lowest, 0), ReplayService.RealizedOutflowUsd(hours, index, until));
        }
    }

    [Fact]
    public void RealizedOutflowUsd_MeasuresAnHourWithoutTokensInUsd_AndTheOthersInTokens()
    {
        var hours = PriceHalves(tokensKnown: true);
        // A quarter of the tokens leaves at hour 6 (worth 25% of the $2B at hour 0's price) ...
        hours[6] = hours[6] with { SuppliedTokens = 0.75e24 };
        Assert.Equal(0.5e9, ReplayService.RealizedOutflowUsd(hours, 0, T0.AddHours(24)), 1e-3);
        // ... but an hour whose balance is unknown is compared in USD with hour 0, and the halved price shows there.
        hours[20] = hours[20] with { SuppliedTokens = double.NaN };
        Assert.Equal(2e9 - hours[20].SuppliedUsd, ReplayService.RealizedOutflowUsd(hours, 0, T0.AddHours(24)));
        // Hours after the episode's start are not read.
        Assert.Equal(0, ReplayService.RealizedOutflowUsd(hours, 0, T0.AddHours(5)));
    }
}
