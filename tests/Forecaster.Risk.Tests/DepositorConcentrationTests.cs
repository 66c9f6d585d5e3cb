using Forecaster.Flows;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Xunit;

namespace Forecaster.Risk.Tests;

public class DepositorConcentrationTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static int _log;

    private static FlowEvent E(int minute, FlowKind kind, decimal amount, string account, string market = "a_usdc") =>
        new("ethereum", $"0x{minute:x4}", _log++, minute, T0.AddMinutes(minute), market, kind, amount, account);

    // Thirteen holders: A 600, B 200, C 60, then ten more of 10 to 55 in steps of 5 (sum 325); C supplied 100 and withdrew 40;
    // a borrow, a repay and a liquidation change nothing. Known deposits 600 + 200 + 325 + 60 = 1,185.
    private static List<FlowEvent> Book()
    {
        var events = new List<FlowEvent>
        {
            E(0, FlowKind.Supply, 500, "0xA"),
            E(1, FlowKind.Supply, 200, "0xB"),
            E(2, FlowKind.Supply, 100, "0xC"),
            E(3, FlowKind.Borrow, 300, "0xD"),
            E(4, FlowKind.Supply, 100, "0xA"),
            E(5, FlowKind.Withdraw, 40, "0xC"),
            E(6, FlowKind.Repay, 50, "0xD"),
            E(7, FlowKind.Liquidation, 20, "0xE"),
        };
        for (var i = 0; i < 10; i++) events.Add(E(10 + i, FlowKind.Supply, 10 + 5 * i, $"0x{i:x2}"));
        return events;
    }

    [Fact]
    public void At_GivesExactBalancesTopSharesAndHhi_OnAHandMadeBook()
    {
        var c = DepositorConcentration.At("a_usdc", Book(), T0.AddHours(1));

        Assert.Equal(13, c.Holders);
        Assert.Equal(1_185m, c.KnownDeposits);
        Assert.Equal(600m, c.Top1);
        Assert.Equal(600m + 200 + 60 + 55 + 50, c.Top5);
        Assert.Equal(600m + 200 + 60 + 55 + 50 + 45 + 40 + 35 + 30 + 25, c.Top10);
        Assert.Equal(new decimal[] { 600, 200, 60, 55, 50, 45, 40, 35, 30, 25 }, c.Largest);
        Assert.Equal(600.0 / 1185, c.Top1Share, 12);
        Assert.Equal(965.0 / 1185, c.Top5Share, 12);
        Assert.Equal(800.0 / 1185, c.TopShare(2), 12);
        var squares = new[] { 600.0, 200, 60 }.Concat(Enumerable.Range(0, 10).Select(i => 10.0 + 5 * i)).Sum(v => v * v);
        Assert.Equal(squares / (1185.0 * 1185), c.Hhi, 12);
        Assert.Equal(0m, c.UnmatchedWithdrawals);
    }

    [Fact]
    public void At_IgnoresEventsFromTheCutOn_EvenOutOfOrderOnes()
    {
        var events = Book();
        // After the cut: A leaves in full, then an event older than it (which would be an error if it were read).
        events.Add(E(30, FlowKind.Withdraw, 600, "0xA"));
        events.Add(E(25, FlowKind.Supply, 1_000, "0xZ"));

        var before = DepositorConcentration.At("a_usdc", events, T0.AddMinutes(30));
        Assert.Equal(600m, before.Top1);
        Assert.Equal(1_185m, before.KnownDeposits);
        Assert.Throws<ForecasterException>(() => DepositorConcentration.At("a_usdc", events, T0.AddMinutes(31)));
    }

    [Fact]
    public void Series_GivesTheSameAsOneCutPerTime()
    {
        var events = Book();
        var times = new[] { T0, T0.AddMinutes(2), T0.AddMinutes(5), T0.AddMinutes(6), T0.AddHours(1) };
        var series = DepositorConcentration.Series("a_usdc", events, times);
        Assert.Equal(times.Select(t => DepositorConcentration.At("a_usdc", events, t).KnownDeposits), series.Select(c => c.KnownDeposits));
        Assert.Equal(new decimal[] { 0, 700, 900, 860, 1_185 }, series.Select(c => c.KnownDeposits));
        Assert.True(double.IsNaN(series[0].Hhi));
        Assert.Equal(0, series[0].Top1Share);
    }

    [Fact]
    public async Task SeriesAsync_OverAStream_GivesWhatSeriesGivesOverAList_AndReadsNothingPastTheLastTime()
    {
        var events = Book();
        // Past the last time: A leaves in full, then an event older than it, an error if it were read.
        events.Add(E(30, FlowKind.Withdraw, 600, "0xA"));
        events.Add(E(25, FlowKind.Supply, 1_000, "0xZ"));
        var times = new[] { T0, T0.AddMinutes(2), T0.AddMinutes(5), T0.AddMinutes(6), T0.AddMinutes(30) };
        var read = 0;
        async IAsyncEnumerable<FlowEvent> Stream()
        {
            foreach (var e in events)
            {
                await Task.Yield();
                read++;
                yield return e;
            }
        }

        var streamed = await DepositorConcentration.SeriesAsync("a_usdc", Stream(), times, TestContext.Current.CancellationToken);

        var listed = DepositorConcentration.Series("a_usdc", events.Take(events.Count - 1).ToList(), times);
        static object Key(DepositorConcentration c) => (c.AsOf, c.Holders, c.KnownDeposits, c.Top1, c.Top5, c.Top10, c.Hhi, string.Join(",", c.Largest), c.UnmatchedWithdrawals, c.Unattributed, c.TransfersSkipped);
        Assert.Equal(listed.Select(Key), streamed.Select(Key));
        Assert.Equal(new decimal[] { 0, 700, 900, 860, 1_185 }, streamed.Select(c => c.KnownDeposits));
        // The event at the last time is read (to know the pass is done) but not applied; the one after it is never read.
        Assert.Equal(events.Count - 1, read);
    }

    [Fact]
    public void Withdrawals_BeyondTheKnownBalance_FloorItAtZero_AndAreCounted()
    {
        var c = DepositorConcentration.At("a_usdc", [E(0, FlowKind.Supply, 100, "0xA"), E(1, FlowKind.Withdraw, 130, "0xA"), E(2, FlowKind.Withdraw, 5, "0xB"), E(3, FlowKind.Supply, 50, "0xC")], T0.AddHours(1));
        Assert.Equal(35m, c.UnmatchedWithdrawals);
        Assert.Equal(1, c.Holders);
        Assert.Equal(50m, c.KnownDeposits);
        Assert.Equal(1.0, c.Hhi, 12);
    }

    [Fact]
    public void EventsWithoutAnAccount_AndATokenTransfersWithUnknownSides_AreCountedNotApplied()
    {
        // The transfer names no counterparty (as a flow read from a store without its log): its recipient is unknown.
        var c = DepositorConcentration.At("a_usdc", [E(0, FlowKind.Supply, 100, "0xA"), E(1, FlowKind.Supply, 70, ""), E(2, FlowKind.Withdraw, 20, ""), E(3, FlowKind.ATokenTransfer, 100, "0xA")], T0.AddHours(1));
        Assert.Equal(50m, c.Unattributed);
        Assert.Equal(1, c.TransfersSkipped);
        Assert.Equal(100m, c.Top1);
    }

    private static FlowEvent Transfer(int minute, decimal amount, string from, string to) =>
        E(minute, FlowKind.ATokenTransfer, amount, from == FlowEvent.ZeroAddress ? to : from) with { Counterparty = from == FlowEvent.ZeroAddress ? FlowEvent.ZeroAddress : to };

    [Fact]
    public void ATokenTransfers_BetweenHolders_MoveTheBalance_FromSenderToRecipient()
    {
        // A supplies 100 (its mint is a transfer from 0x0) and sends 60 to B; C supplies 30.
        var c = DepositorConcentration.At("a_usdc",
            [Transfer(0, 100, FlowEvent.ZeroAddress, "0xA"), E(0, FlowKind.Supply, 100, "0xA"), Transfer(1, 60, "0xA", "0xB"), E(2, FlowKind.Supply, 30, "0xC")],
            T0.AddHours(1));

        Assert.Equal(3, c.Holders);
        Assert.Equal(130m, c.KnownDeposits);
        Assert.Equal(60m, c.Top1);
        Assert.Equal(new decimal[] { 60, 40, 30 }, c.Largest);
        Assert.Equal((60.0 * 60 + 40 * 40 + 30 * 30) / (130.0 * 130), c.Hhi, 12);
        Assert.Equal(0, c.TransfersSkipped);
        Assert.Equal(0m, c.UnmatchedTransfers);
    }

    [Fact]
    public void ATokenMintsAndBurns_AreNotCountedAgain_BesideTheirSupplyAndWithdraw()
    {
        // Mint with the Supply, an interest or treasury mint without one, and a burn with the Withdraw: only the pool events count.
        var c = DepositorConcentration.At("a_usdc",
            [Transfer(0, 100, FlowEvent.ZeroAddress, "0xA"), E(0, FlowKind.Supply, 100, "0xA"), Transfer(1, 3, FlowEvent.ZeroAddress, "0xT"),
             Transfer(2, 25, "0xA", FlowEvent.ZeroAddress), E(2, FlowKind.Withdraw, 25, "0xA")],
            T0.AddHours(1));

        Assert.Equal(1, c.Holders);
        Assert.Equal(75m, c.Top1);
        Assert.Equal(0, c.TransfersSkipped);
        Assert.Equal(0m, c.UnmatchedWithdrawals);
        Assert.Equal(0m, c.UnmatchedTransfers);
    }

    [Fact]
    public void ATokenTransfers_BeyondTheSendersKnownBalance_FloorItAtZero_AreCounted_AndCreditTheRecipientInFull()
    {
        // A supplied 100 and, with interest the book does not know of, sends 104: the recipient really holds 104.
        var c = DepositorConcentration.At("a_usdc",
            [E(0, FlowKind.Supply, 100, "0xA"), E(1, FlowKind.Supply, 50, "0xC"), Transfer(2, 104, "0xA", "0xB")],
            T0.AddHours(1));

        Assert.Equal(4m, c.UnmatchedTransfers);
        Assert.Equal(0m, c.UnmatchedWithdrawals);
        Assert.Equal(2, c.Holders);
        Assert.Equal(new decimal[] { 104, 50 }, c.Largest);
        Assert.Equal(154m, c.KnownDeposits);
    }

    // A repayment or a liquidation; burning names the holder whose deposits it burns (as AccountFlows restores it from the log).
    private static FlowEvent Burn(int minute, FlowKind kind, decimal amount, string account, string burnedFrom = "") =>
        E(minute, kind, amount, account) with { DepositsBurnedFrom = burnedFrom };

    [Fact]
    public void Liquidation_PaidOutInTheUnderlying_BurnsTheUsersCollateral_WhileOneTakingATokensMovesItOnce()
    {
        // A 100 and B 100 supply. A is liquidated for 30 paid out in the underlying (its aTokens burned), then B for 40
        // taken as aTokens: no burn, the Transfer B -> L moves them, and the protocol's fee of 2 is a Transfer B -> treasury.
        var c = DepositorConcentration.At("a_usdc",
            [E(0, FlowKind.Supply, 100, "0xA"), E(1, FlowKind.Supply, 100, "0xB"),
             Burn(2, FlowKind.Liquidation, 30, "0xA", burnedFrom: "0xA"),
             Transfer(3, 40, "0xB", "0xL"), Transfer(3, 2, "0xB", "0xF"), Burn(3, FlowKind.Liquidation, 40, "0xB")],
            T0.AddHours(1));

        Assert.Equal(new decimal[] { 70, 58, 40, 2 }, c.Largest);
        Assert.Equal(170m, c.KnownDeposits);
        Assert.Equal((0m, 0m), (c.UnmatchedWithdrawals, c.UnmatchedTransfers));
    }

    [Fact]
    public void Repayment_WithATokens_BurnsTheRepayersDeposits_WhileOneWithTheAssetLeavesThemAlone()
    {
        // R repays 25 of U's debt with its aTokens (burned from R, not from U), then 50 with the asset (nothing burned).
        var c = DepositorConcentration.At("a_usdc",
            [E(0, FlowKind.Supply, 100, "0xR"), E(1, FlowKind.Supply, 80, "0xU"),
             Burn(2, FlowKind.Repay, 25, "0xU", burnedFrom: "0xR"), Burn(3, FlowKind.Repay, 50, "0xU")],
            T0.AddHours(1));

        Assert.Equal(new decimal[] { 80, 75 }, c.Largest);
        Assert.Equal(155m, c.KnownDeposits);
        Assert.Equal(0m, c.UnmatchedWithdrawals);
    }

    [Fact]
    public void Burns_BeyondTheKnownBalance_FloorItAtZero_AndCountAsUnmatchedWithdrawals()
    {
        // A holds 30 and is liquidated for 45 (the rest was interest or older deposits); B holds 10 and repays 12 with aTokens.
        var c = DepositorConcentration.At("a_usdc",
            [E(0, FlowKind.Supply, 30, "0xA"), E(1, FlowKind.Supply, 10, "0xB"), E(2, FlowKind.Supply, 50, "0xC"),
             Burn(3, FlowKind.Liquidation, 45, "0xA", burnedFrom: "0xA"), Burn(4, FlowKind.Repay, 12, "0xB", burnedFrom: "0xB")],
            T0.AddHours(1));

        Assert.Equal(15m + 2m, c.UnmatchedWithdrawals);
        Assert.Equal(1, c.Holders);
        Assert.Equal(50m, c.KnownDeposits);
    }

    [Fact]
    public void BadEvents_GetAnErrorNamingTheEvent()
    {
        var negative = Assert.Throws<ForecasterException>(() => DepositorConcentration.At("a_usdc", [E(0, FlowKind.Supply, -1, "0xA")], T0.AddHours(1)));
        Assert.Contains("negative", negative.Message);
        Assert.Contains("0x0000#", negative.Message);
        var order = Assert.Throws<ForecasterException>(() => DepositorConcentration.At("a_usdc", [E(5, FlowKind.Supply, 1, "0xA"), E(4, FlowKind.Supply, 1, "0xA")], T0.AddHours(1)));
        Assert.Contains("time order", order.Message);
        var kind = Assert.Throws<ForecasterException>(() => DepositorConcentration.At("a_usdc", [E(0, (FlowKind)99, 1, "0xA")], T0.AddHours(1)));
        Assert.Contains("unknown kind (99)", kind.Message);
        var market = Assert.Throws<ForecasterException>(() => DepositorConcentration.At("a_usdc", [E(0, FlowKind.Supply, 1, "0xA", "b_dai")], T0.AddHours(1)));
        Assert.Contains("another market", market.Message);
    }

    private static ReserveTarget Target(double buffer) =>
        new("a_usdc", T0, RiskAppetite.Moderate, buffer, 0, 0.25, 0.10, buffer, 0);

    [Fact]
    public void CoverLargestHolders_RaisesTheTargetToTheTopHoldersExitPlusMargin_OnlyWhenTheyHoldMore()
    {
        // Moderate covers the two largest: (600 + 200) / 1,185 of $1B deposits, plus 10%.
        var holders = DepositorConcentration.At("a_usdc", Book(), T0.AddHours(1));
        var policy = ReserveTargetPolicy.For(RiskAppetite.Moderate);
        var expected = 800.0 / 1185 * 1e9 * 1.10;

        var raised = policy.CoverLargestHolders(Target(100e6), holders, 1e9);
        Assert.Equal(expected, raised.TargetBufferUsd, 1);
        Assert.Equal(800.0 / 1185 * 1e9, raised.LargestHoldersUsd, 1);
        Assert.Equal(2, raised.LargestHolders);
        Assert.Equal(100e6, raised.BufferBeforeHoldersUsd);

        var kept = policy.CoverLargestHolders(Target(900e6), holders, 1e9);
        Assert.Equal(900e6, kept.TargetBufferUsd);
        // Never more than the deposits.
        Assert.Equal(1e9, ReserveTargetPolicy.For(RiskAppetite.Conservative).CoverLargestHolders(Target(100e6), holders, 1e9).TargetBufferUsd);
    }

    [Theory]
    [InlineData(RiskAppetite.Conservative, 5)]
    [InlineData(RiskAppetite.Moderate, 2)]
    [InlineData(RiskAppetite.Aggressive, 1)]
    public void Profiles_CoverTheirNumberOfLargestHolders(RiskAppetite appetite, int k) =>
        Assert.Equal(k, ReserveTargetPolicy.For(appetite).LargestHolders);
}
