using Forecaster.Markets;
using Xunit;

namespace Forecaster.Risk.Tests;

/// <summary>
/// Borrows measured in tokens where the hours know their deposit tokens (the price comes from the deposits): a price move
/// is no borrow change; the same hours without token balances show the USD change; one unit at both ends, never mixed.
/// </summary>
public class BorrowChangeTests
{
    private static readonly DateTimeOffset T0 = new(2022, 5, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An hour of a WETH-like reserve at <paramref name="usdPerToken"/> (whole tokens of 1e18 raw units).</summary>
    private static MarketHour Hour(int h, double usdPerToken, double suppliedTokens, double borrowedTokens) =>
        new(T0.AddHours(h), suppliedTokens * usdPerToken, borrowedTokens * usdPerToken, 0, 1, 2, DataQuality.None, 0, 0)
        {
            SuppliedTokens = suppliedTokens * 1e18,
        };

    [Fact]
    public void Ratio_IsOne_WhenOnlyThePriceHalvesAndTokensStayFlat()
    {
        var before = Hour(0, 2000, 1000, 500);
        var after = Hour(1, 1000, 1000, 500);

        Assert.True(BorrowChange.InTokens(before, after));
        Assert.Equal(1, BorrowChange.Ratio(before, after));
        Assert.Equal(before.BorrowedUsd, BorrowChange.LaterAtEarlierPriceUsd(before, after));
    }

    [Fact]
    public void Ratio_IsTheUsdFall_WhenTheSameHoursHaveNoTokenBalances()
    {
        var before = Hour(0, 2000, 1000, 500) with { SuppliedTokens = double.NaN };
        var after = Hour(1, 1000, 1000, 500) with { SuppliedTokens = double.NaN };

        Assert.False(BorrowChange.InTokens(before, after));
        Assert.Equal(0.5, BorrowChange.Ratio(before, after));
        Assert.Equal(after.BorrowedUsd, BorrowChange.LaterAtEarlierPriceUsd(before, after));
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(0.97)]
    [InlineData(1.4)]
    public void Ratio_ReadsATenPercentBorrowIncrease_WhatEverThePriceAndDepositsDo(double priceFactor)
    {
        var before = Hour(0, 1837.5, 1000, 500);
        // Depositors add 3% and borrowers 10% in tokens while the price moves: only the tokens tell the 10%.
        var after = Hour(24, 1837.5 * priceFactor, 1030, 550);

        Assert.Equal(1.1, BorrowChange.Ratio(before, after), 12);
        Assert.Equal(1.1 * before.BorrowedUsd, BorrowChange.LaterAtEarlierPriceUsd(before, after), 6);
        Assert.NotEqual(1.1, after.BorrowedUsd / before.BorrowedUsd, 3);
    }

    [Fact]
    public void Ratio_FallsBackToUsdAtBothEnds_WhenEitherHourCannotBePriced()
    {
        var before = Hour(0, 2000, 1000, 500);
        var unknownLater = Hour(1, 1000, 1000, 500) with { SuppliedTokens = double.NaN };
        // Tokens known but no deposits left to price the hour by: borrows in tokens cannot be told, so USD at both ends.
        var emptiedLater = new MarketHour(T0.AddHours(1), 0, 300, 0, 1, 2, DataQuality.None, 0, 0) { SuppliedTokens = 0 };

        Assert.False(BorrowChange.InTokens(before, unknownLater));
        Assert.False(BorrowChange.InTokens(unknownLater, before));
        Assert.Equal(0.5, BorrowChange.Ratio(before, unknownLater));
        Assert.Equal(2, BorrowChange.Ratio(unknownLater, before));
        Assert.False(BorrowChange.InTokens(before, emptiedLater));
        Assert.Equal(300 / before.BorrowedUsd, BorrowChange.Ratio(before, emptiedLater));
        Assert.Equal(300, BorrowChange.LaterAtEarlierPriceUsd(before, emptiedLater));
    }

    [Fact]
    public void Ratio_IsNaN_WhenTheEarlierHourHasNoBorrows()
    {
        var before = Hour(0, 2000, 1000, 0);
        var after = Hour(1, 1000, 1000, 100);

        Assert.True(double.IsNaN(BorrowChange.Ratio(before, after)));
        Assert.Equal(100 * 2000, BorrowChange.LaterAtEarlierPriceUsd(before, after), 6);
    }
}
