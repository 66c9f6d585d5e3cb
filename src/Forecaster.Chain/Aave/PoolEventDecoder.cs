using Forecaster.Chain.Abi;
using Forecaster.Flows;

namespace Forecaster.Chain.Aave;

/// <summary>
/// Decodes Aave v3 Pool logs. Logs are untrusted input: a log with a known topic 0 but the wrong layout is rejected with a reason,
/// never thrown, so one odd log (a different pool version, a lookalike contract) cannot stop ingestion.
/// </summary>
public static class PoolEventDecoder
{
    /// <summary>Decodes a log.</summary>
    /// <param name="log">The log.</param>
    /// <param name="rejection">Why a log with a known topic 0 could not be decoded; null otherwise.</param>
    /// <returns>The event, or null when the log is not a known Pool event or was rejected.</returns>
    public static PoolEvent? TryDecode(ChainLog log, out string? rejection)
    {
        rejection = null;
        if (log.Topics.Count == 0) return null;
        var kind = KindOf(log.Topics[0]);
        if (kind is null) return null;
        try
        {
            return Decode(kind.Value, log.Address, log.Topics, log.Data);
        }
        catch (AbiDecodingException ex)
        {
            rejection = $"{kind} log {log.TransactionHash}#{log.LogIndex} in block {log.Block}: {ex.Message}";
            return null;
        }
    }

    /// <summary>The event kind of a topic 0, or null when it is none of the Pool events read.</summary>
    public static PoolEventKind? KindOf(string topic0)
    {
        // Compare case-insensitively: nodes answer lower case, but hand-made filters and fixtures may not.
        if (Eq(topic0, AaveV3PoolEvents.Supply)) return PoolEventKind.Supply;
        if (Eq(topic0, AaveV3PoolEvents.Withdraw)) return PoolEventKind.Withdraw;
        if (Eq(topic0, AaveV3PoolEvents.Borrow)) return PoolEventKind.Borrow;
        if (Eq(topic0, AaveV3PoolEvents.Repay)) return PoolEventKind.Repay;
        if (Eq(topic0, AaveV3PoolEvents.LiquidationCall)) return PoolEventKind.LiquidationCall;
        if (Eq(topic0, AaveV3PoolEvents.FlashLoan)) return PoolEventKind.FlashLoan;
        if (Eq(topic0, AaveV3PoolEvents.ReserveDataUpdated)) return PoolEventKind.ReserveDataUpdated;
        if (Eq(topic0, AaveV3PoolEvents.MintedToTreasury)) return PoolEventKind.MintedToTreasury;
        if (Eq(topic0, AaveV3PoolEvents.Transfer)) return PoolEventKind.ATokenTransfer;
        return null;
    }

    private static PoolEvent Decode(PoolEventKind kind, string address, IReadOnlyList<string> t, byte[] d)
    {
        switch (kind)
        {
            case PoolEventKind.Supply:
                Expect(t, 4, d, 2);
                return new PoolEvent(kind, Addr(t[1]), Addr(t[2]), AbiReader.ReadAddress(d, 0), AbiReader.ReadUInt256(d, 1));
            case PoolEventKind.Withdraw:
                Expect(t, 4, d, 1);
                return new PoolEvent(kind, Addr(t[1]), Addr(t[2]), Addr(t[3]), AbiReader.ReadUInt256(d, 0));
            case PoolEventKind.Borrow:
                Expect(t, 4, d, 4);
                return new PoolEvent(kind, Addr(t[1]), Addr(t[2]), AbiReader.ReadAddress(d, 0), AbiReader.ReadUInt256(d, 1),
                    LiquidityRate: AbiReader.ReadUInt256(d, 3));
            case PoolEventKind.Repay:
                Expect(t, 4, d, 2);
                return new PoolEvent(kind, Addr(t[1]), Addr(t[2]), Addr(t[3]), AbiReader.ReadUInt256(d, 0), Flag: AbiReader.ReadBool(d, 1));
            case PoolEventKind.LiquidationCall:
                Expect(t, 4, d, 4);
                return new PoolEvent(kind, Addr(t[1]), Addr(t[3]), AbiReader.ReadAddress(d, 2), AbiReader.ReadUInt256(d, 1),
                    DebtReserve: Addr(t[2]), DebtAmount: AbiReader.ReadUInt256(d, 0), Flag: AbiReader.ReadBool(d, 3));
            case PoolEventKind.FlashLoan:
                Expect(t, 4, d, 4);
                return new PoolEvent(kind, Addr(t[2]), AbiReader.ReadAddress(d, 0), Addr(t[1]), AbiReader.ReadUInt256(d, 1),
                    DebtAmount: AbiReader.ReadUInt256(d, 3));
            case PoolEventKind.ReserveDataUpdated:
                Expect(t, 2, d, 5);
                return new PoolEvent(kind, Addr(t[1]), "", "", 0,
                    LiquidityRate: AbiReader.ReadUInt256(d, 0), VariableBorrowRate: AbiReader.ReadUInt256(d, 2),
                    LiquidityIndex: AbiReader.ReadUInt256(d, 3), VariableBorrowIndex: AbiReader.ReadUInt256(d, 4));
            case PoolEventKind.MintedToTreasury:
                Expect(t, 2, d, 1);
                return new PoolEvent(kind, Addr(t[1]), "", "", AbiReader.ReadUInt256(d, 0));
            case PoolEventKind.ATokenTransfer:
                Expect(t, 3, d, 1);
                return new PoolEvent(kind, address.ToLowerInvariant(), Addr(t[1]), Addr(t[2]), AbiReader.ReadUInt256(d, 0));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a decodable event");
        }
    }

    private static void Expect(IReadOnlyList<string> topics, int topicCount, byte[] data, int words)
    {
        // Exact counts: the same topic 0 with a different indexed layout is a different contract's event (e.g. Aave v2's Deposit look-alikes).
        if (topics.Count != topicCount)
            throw new AbiDecodingException($"expected {topicCount} topics, got {topics.Count}");
        if (data.Length != words * AbiReader.WordSize)
            throw new AbiDecodingException($"expected {words * AbiReader.WordSize} data bytes, got {data.Length}");
    }

    private static string Addr(string topic) => AbiReader.TopicAddress(topic);

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
