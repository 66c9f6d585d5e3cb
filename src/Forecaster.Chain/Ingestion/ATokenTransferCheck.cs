using System.Globalization;
using System.Numerics;
using Forecaster.Chain.Aave;
using Forecaster.Flows;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// Cross-checks the ERC-20 transfers behind the Pool events. Within a transaction, an account's aToken mints minus burns must be
/// at least what its Supply (+) and burning (−: Withdraw, aToken Repay, liquidated collateral paid out in the underlying, each
/// burning <see cref="PoolEvent.ATokensBurnedFrom"/>) events say: a real aToken mints the principal plus the holder's accrued
/// interest, so any excess is interest, and a shortfall means the events and the token disagree. Transfers between holders
/// move deposits between accounts and are no flow.
/// </summary>
public static class ATokenTransferCheck
{
    private const string Zero = FlowEvent.ZeroAddress;
    private const int MaxMismatches = 20;

    /// <summary>One summary per reserve whose aToken transfers were read.</summary>
    /// <param name="logs">Stored logs in chain order; an aToken transfer's reserve is its flow's market.</param>
    /// <param name="tracked">Underlying assets whose aToken transfers were read.</param>
    /// <param name="reserves">Reserve metadata by asset.</param>
    public static IReadOnlyList<ATokenTransferSummary> Check(
        IReadOnlyList<PoolLog> logs, IReadOnlySet<string> tracked, IReadOnlyDictionary<string, ReserveInfo> reserves)
    {
        var assetOfMarket = reserves.Values.Where(r => tracked.Contains(r.Asset)).ToDictionary(r => r.MarketName, r => r.Asset);
        var totals = assetOfMarket.Values.ToDictionary(a => a, _ => new Totals());
        var index = 0;
        while (index < logs.Count)
        {
            var tx = logs[index].Log.TransactionHash;
            var end = index;
            while (end < logs.Count && logs[end].Log.TransactionHash == tx) end++;
            CheckTransaction(logs, index, end, assetOfMarket, totals, reserves);
            index = end;
        }
        return totals.Select(kv => kv.Value.Summary(reserves[kv.Key])).OrderBy(s => s.Market, StringComparer.Ordinal).ToList();
    }

    private static void CheckTransaction(IReadOnlyList<PoolLog> logs, int from, int to, Dictionary<string, string> assetOfMarket,
        Dictionary<string, Totals> totals, IReadOnlyDictionary<string, ReserveInfo> reserves)
    {
        // Token mints minus burns less the Pool events' principal, per reserve and account.
        var excess = new Dictionary<(string Asset, string Account), BigInteger>();
        var treasury = new Dictionary<string, BigInteger>(); // MintedToTreasury amounts: the event does not name the treasury
        var withEvent = new HashSet<(string Asset, string Account)>();
        void Add(string asset, string account, BigInteger amount, bool poolEvent)
        {
            if (!totals.ContainsKey(asset)) return;
            excess[(asset, account)] = excess.GetValueOrDefault((asset, account)) + amount;
            if (poolEvent) withEvent.Add((asset, account));
        }

        for (var i = from; i < to; i++)
        {
            var ev = PoolEventDecoder.TryDecode(logs[i].Log, out _);
            if (ev is null) continue;
            switch (ev.Kind)
            {
                case PoolEventKind.ATokenTransfer when logs[i].Flow is { } flow && assetOfMarket.TryGetValue(flow.Market, out var asset):
                    var t = totals[asset];
                    t.Transfers++;
                    if (ev.Account == Zero && ev.Counterparty != Zero) Add(asset, ev.Counterparty, ev.Amount, false);
                    else if (ev.Counterparty == Zero && ev.Account != Zero) Add(asset, ev.Account, -ev.Amount, false);
                    else if (ev.Account != Zero)
                    {
                        t.HolderTransfers++;
                        t.HolderTransferred += ev.Amount;
                    }
                    break;
                case PoolEventKind.Supply:
                    Add(ev.Reserve, ev.Account, -ev.Amount, true);
                    break;
                case PoolEventKind.MintedToTreasury:
                    treasury[ev.Reserve] = treasury.GetValueOrDefault(ev.Reserve) + ev.Amount;
                    break;
                case PoolEventKind.Withdraw or PoolEventKind.Repay or PoolEventKind.LiquidationCall when ev.ATokensBurnedFrom is { } holder:
                    Add(ev.Reserve, holder, ev.Amount, true);
                    break;
            }
        }

        foreach (var ((asset, account), amount) in excess)
        {
            var t = totals[asset];
            if (amount < 0)
            {
                if (t.Mismatches.Count < MaxMismatches)
                    t.Mismatches.Add($"tx {logs[from].Log.TransactionHash} (block {logs[from].Log.Block}): {account}'s {reserves[asset].Symbol} aToken " +
                                     $"mints and burns fall {TokenUnits.ToTokens(-amount, reserves[asset].Decimals).ToString("0.############################", CultureInfo.InvariantCulture)} short of its pool events");
            }
            else if (withEvent.Contains((asset, account))) t.InterestRealized += amount;
            else
            {
                // A mint to an account without its own event is the treasury's when the transaction minted to the treasury.
                var toTreasury = BigInteger.Min(amount, treasury.GetValueOrDefault(asset));
                treasury[asset] = treasury.GetValueOrDefault(asset) - toTreasury;
                t.TreasuryMinted += toTreasury;
                t.UnexplainedMinted += amount - toTreasury;
            }
        }
    }

    private sealed class Totals
    {
        public long Transfers;
        public long HolderTransfers;
        public BigInteger HolderTransferred;
        public BigInteger InterestRealized;
        public BigInteger TreasuryMinted;
        public BigInteger UnexplainedMinted;
        public List<string> Mismatches { get; } = [];

        public ATokenTransferSummary Summary(ReserveInfo info) => new(info.MarketName, Transfers, HolderTransfers,
            TokenUnits.ToTokens(HolderTransferred, info.Decimals), TokenUnits.ToTokens(InterestRealized, info.Decimals),
            TokenUnits.ToTokens(TreasuryMinted, info.Decimals),
            TokenUnits.ToTokens(UnexplainedMinted, info.Decimals), Mismatches);
    }
}
