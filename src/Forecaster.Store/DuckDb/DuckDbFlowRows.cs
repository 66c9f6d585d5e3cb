using DuckDB.NET.Data;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// Turns a batch's logs into flow_events rows on the bulk path. Each log is checked before it is written: a hash, address or
/// amount the fixed-size columns cannot hold exactly, or a log that would read back differently (another chain, an emitter that is not an
/// address, a flow naming another log), is refused with the log's position and key, and the caller's transaction leaves the store as it
/// was. Nothing is allocated per log: hashes are parsed into integers and the payload is packed into one reused buffer.
/// </summary>
internal static class DuckDbFlowRows
{
    // Column order of flow_events and of its staging copy (DuckDbFlowSchema).
    private const int Stream = 0, TxHashHi = 1, TxHashLo = 2, LogIndex = 3, Block = 4, Payload = 5, Market = 6, Kind = 7,
        Amount = 8, AccountHi = 9, AccountLo = 10, EmitterHi = 11, EmitterLo = 12, Signature = 13;

    /// <summary>Appends the batch's logs to <paramref name="table"/>; a key repeated within the batch is appended once (the first).</summary>
    /// <returns>The rows appended.</returns>
    /// <exception cref="ForecasterException">A log cannot be stored as it is; the message names it.</exception>
    public static long Append(DuckDBConnection connection, string table, int stream, IReadOnlyDictionary<string, int> markets,
        IReadOnlyDictionary<string, int> signatures, FlowLogBatch batch)
    {
        var (chain, source) = (batch.Checkpoint.Chain, batch.Checkpoint.Source);
        var repeated = DuckDbRepeatedKeys.Find(batch.Logs);
        var payload = new byte[512];
        string? lastMarket = null, lastSignature = null;
        int marketId = 0, signatureId = 0;
        var blocks = BlocksByNumber(batch.Blocks, chain);
        ChainBlock? block = null;
        long appended = 0;
        using var appender = new DuckDbChunkAppender(connection, table);
        for (var i = 0; i < batch.Logs.Count; i++)
        {
            var (log, flow) = batch.Logs[i];
            if (!DuckDbChainHex.TryParseHash(log.TransactionHash, out var txHi, out var txLo))
                throw Refused(i, log, $"the transaction hash '{log.TransactionHash}' is not 0x and 64 lower-case hex digits");
            // The log's block hash and timestamp are read back from its block's row, so they must be that row's.
            if (block?.Number != log.Block)
            {
                if (!blocks.TryGetValue(log.Block, out block)) throw Refused(i, log, $"the batch holds no block {log.Block}");
                if (!DuckDbChainHex.TryParseHash(block.Hash, out _, out _))
                    throw Refused(i, log, $"the block hash '{block.Hash}' is not 0x and 64 lower-case hex digits");
            }
            if (!string.Equals(log.BlockHash, block.Hash, StringComparison.Ordinal) || log.Timestamp != block.Timestamp)
                throw Refused(i, log, $"its block hash {log.BlockHash} and time {log.Timestamp:O} differ from the batch's block {block.Number} ({block.Hash}, {block.Timestamp:O})");
            if (log.Chain != chain) throw Refused(i, log, $"it is a log of chain '{log.Chain}' in a batch of chain '{chain}'");
            // A log of another contract read with the source (an aToken's Transfer with its pool) keeps its emitter.
            var emitted = !string.Equals(log.Address, source, StringComparison.Ordinal);
            UInt128 emitterHi = 0;
            uint emitterLo = 0;
            if (emitted && !DuckDbChainHex.TryParseAddress(log.Address, out emitterHi, out emitterLo))
                throw Refused(i, log, $"it was emitted by '{log.Address}', which is neither the batch's source {source} nor 0x and 40 lower-case hex digits");
            var payloadLength = PackPayload(i, log, ref payload);
            // Logs of one event share the signature string when they come from one source: look it up only when it changes.
            if (log.Topics.Count > 0 && !ReferenceEquals(log.Topics[0], lastSignature))
            {
                if (!signatures.TryGetValue(log.Topics[0], out signatureId))
                    throw Refused(i, log, $"its first topic '{log.Topics[0]}' is not 0x and 64 hex digits");
                lastSignature = log.Topics[0];
            }
            UInt128 accountHi = 0;
            uint accountLo = 0;
            Int128 amount = 0;
            if (flow is not null)
            {
                if (flow.Chain != log.Chain || flow.TransactionHash != log.TransactionHash || flow.LogIndex != log.LogIndex
                    || flow.Block != log.Block || flow.Timestamp != log.Timestamp)
                    throw Refused(i, log, $"its flow is keyed to another log (tx {flow.TransactionHash}, log index {flow.LogIndex}, block {flow.Block}, {flow.Timestamp:u})");
                if (!DuckDbChainHex.TryParseAddress(flow.Account, out accountHi, out accountLo))
                    throw Refused(i, log, $"the flow's account '{flow.Account}' is not 0x and 40 lower-case hex digits");
                if (!DuckDbDecimal38.TryUnscale(flow.Amount, out amount))
                    throw Refused(i, log, $"the flow's amount {flow.Amount} does not fit DECIMAL(38, 18) exactly");
                if ((uint)flow.Kind > byte.MaxValue) throw Refused(i, log, $"the flow's kind {(int)flow.Kind} does not fit UTINYINT");
                // A batch's flows name few markets, usually as the same few strings: look the id up only when the string changes.
                if (!ReferenceEquals(flow.Market, lastMarket))
                {
                    marketId = markets[flow.Market];
                    lastMarket = flow.Market;
                }
            }
            if (repeated?[i] == true) continue;

            var row = appender.NextRow();
            appender.SetInt32(Stream, row, stream);
            appender.SetUInt128(TxHashHi, row, txHi);
            appender.SetUInt128(TxHashLo, row, txLo);
            appender.SetInt64(LogIndex, row, log.LogIndex);
            appender.SetInt64(Block, row, log.Block);
            appender.SetBytes(Payload, row, payload.AsSpan(0, payloadLength));
            if (log.Topics.Count > 0) appender.SetUInt16(Signature, row, (ushort)signatureId);
            else appender.SetNull(Signature, row);
            if (emitted)
            {
                appender.SetUInt128(EmitterHi, row, emitterHi);
                appender.SetUInt32(EmitterLo, row, emitterLo);
            }
            else
            {
                appender.SetNull(EmitterHi, row);
                appender.SetNull(EmitterLo, row);
            }
            if (flow is null)
            {
                foreach (var column in (ReadOnlySpan<int>)[Market, Kind, Amount, AccountHi, AccountLo]) appender.SetNull(column, row);
            }
            else
            {
                appender.SetInt32(Market, row, marketId);
                appender.SetByte(Kind, row, (byte)flow.Kind);
                appender.SetInt128(Amount, row, amount);
                appender.SetUInt128(AccountHi, row, accountHi);
                appender.SetUInt32(AccountLo, row, accountLo);
            }
            appended++;
        }
        appender.Close();
        return appended;
    }

    // The batch's blocks by number; two different rows for one number would leave a log's block ambiguous.
    private static Dictionary<long, ChainBlock> BlocksByNumber(IReadOnlyList<ChainBlock> blocks, string chain)
    {
        var byNumber = new Dictionary<long, ChainBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.Chain != chain)
                throw new ForecasterException($"The batch of chain '{chain}' holds block {block.Number} of chain '{block.Chain}'. Nothing of the batch was written.");
            if (!byNumber.TryAdd(block.Number, block) && byNumber[block.Number] != block)
                throw new ForecasterException($"The batch holds block {block.Number} twice, as {byNumber[block.Number]} and as {block}. Nothing of the batch was written.");
        }
        return byNumber;
    }

    private static int PackPayload(int position, ChainLog log, ref byte[] buffer)
    {
        var needed = DuckDbLogPayload.MaxLength(log.Topics.Count, log.Data.Length);
        if (buffer.Length < needed) buffer = new byte[needed];
        try
        {
            return DuckDbLogPayload.Pack(log.Topics, log.Data, buffer);
        }
        catch (ArgumentException e)
        {
            throw Refused(position, log, e.Message.Split(" (Parameter")[0]);
        }
    }

    private static ForecasterException Refused(int position, ChainLog log, string problem) => new(
        $"Log {position} of the batch (block {log.Block}, tx {log.TransactionHash}, log index {log.LogIndex}) cannot be stored: {problem}. " +
        "Nothing of the batch was written.");
}
