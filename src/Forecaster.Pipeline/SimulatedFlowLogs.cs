using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Forecaster.Flows;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;

namespace Forecaster.Pipeline;

/// <summary>
/// The agent simulator's events as the logs of one pseudo-pool, so what reads a chain-ingested pool's account-level flows
/// (<see cref="AccountFlows"/>, <c>replay</c> and <c>propose --account-flows</c>) reads simulated markets too: chain
/// <see cref="AgentSimulator.EventChain"/>, source <see cref="Source"/> (every market of a run), i.e.
/// <c>--account-flows simulated:agents</c>.
/// Blocks: the simulator numbers 300 blocks an hour from block 0 at the first hour and stamps the opening deposits at
/// block -1, but a store reads a source's logs from block 0 on; so every block is stored <see cref="BlockOffset"/> higher:
/// the opening deposits at block 0, hour h at blocks 300h + 1 to 300h + 300. Timestamps and keys stay the simulator's.
/// Block hashes are synthetic, SHA-256 of the run's fingerprint (a SHA-256 over every event) and the block number: the same
/// simulation stores the same blocks and keys again (nothing twice), while another run's blocks differ.
/// Logs have no topics or data: the decoded flow is what is stored.
/// </summary>
public static class SimulatedFlowLogs
{
    /// <summary>Source name of the simulator's events.</summary>
    public const string Source = "agents";

    /// <summary>What is added to the simulator's block numbers when they are stored (its opening block -1 becomes 0).</summary>
    public const long BlockOffset = 1;

    /// <summary>The markets' events as one batch: every block, every log with its flow, and the checkpoint at the last block.</summary>
    /// <exception cref="ForecasterException">The markets carry no events (the simulator was not asked to keep them).</exception>
    public static FlowLogBatch ToBatch(IReadOnlyList<SimulatedMarket> markets)
    {
        ArgumentNullException.ThrowIfNull(markets);
        var events = markets.SelectMany(m => m.Events).Select(e => e with { Block = e.Block + BlockOffset }).ToList();
        if (events.Count == 0)
            throw new ForecasterException("The simulation produced no event-level flows to store: only the agent simulator with KeepEvents emits them.");
        var run = Fingerprint(events);
        var blocks = new Dictionary<long, ChainBlock>();
        var logs = new List<PoolLog>(events.Count);
        foreach (var e in events)
        {
            if (!blocks.TryGetValue(e.Block, out var block))
                blocks[e.Block] = block = new ChainBlock(e.Chain, e.Block, BlockHash(run, e.Block), e.Timestamp);
            logs.Add(new PoolLog(new ChainLog(e.Chain, e.Block, block.Hash, e.TransactionHash, e.LogIndex, e.Timestamp, Source, [], []), e));
        }
        var ordered = blocks.Values.OrderBy(b => b.Number).ToList();
        return new FlowLogBatch(ordered, logs, new ChainCheckpoint(AgentSimulator.EventChain, Source, ordered[^1].Number, ordered[^1].Hash));
    }

    // Everything an event stores, hashed in order: two runs share a fingerprint only when they would store the same rows.
    private static byte[] Fingerprint(IReadOnlyList<FlowEvent> events)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> numbers = stackalloc byte[8 * 3 + 4 + 16];
        Span<int> bits = stackalloc int[4];
        foreach (var e in events)
        {
            BinaryPrimitives.WriteInt64LittleEndian(numbers, e.Block);
            BinaryPrimitives.WriteInt64LittleEndian(numbers[8..], e.LogIndex);
            BinaryPrimitives.WriteInt64LittleEndian(numbers[16..], e.Timestamp.UtcTicks);
            BinaryPrimitives.WriteInt32LittleEndian(numbers[24..], (int)e.Kind);
            decimal.GetBits(e.Amount, bits);
            for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32LittleEndian(numbers[(28 + 4 * i)..], bits[i]);
            hash.AppendData(numbers);
            foreach (var text in (ReadOnlySpan<string>)[e.TransactionHash, e.Market, e.Account])
            {
                hash.AppendData(Encoding.UTF8.GetBytes(text));
                hash.AppendData([0]);
            }
        }
        return hash.GetHashAndReset();
    }

    private static string BlockHash(byte[] run, long block)
    {
        Span<byte> input = stackalloc byte[run.Length + 8];
        run.CopyTo(input);
        BinaryPrimitives.WriteInt64BigEndian(input[run.Length..], block);
        return "0x" + Convert.ToHexStringLower(SHA256.HashData(input));
    }
}
