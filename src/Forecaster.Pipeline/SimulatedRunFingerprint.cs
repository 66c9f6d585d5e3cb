using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Forecaster.Flows;
using Forecaster.Simulation.Agents;

namespace Forecaster.Pipeline;

/// <summary>
/// A simulation run's fingerprint, hashed event by event as the run produces them (market by market, each in time order),
/// so the run need not be held in memory to know it: everything an event stores, in order, with blocks as stored
/// (<see cref="SimulatedFlowLogs.BlockOffset"/> higher). Two runs share a fingerprint only when they would store the same rows.
/// </summary>
internal sealed class SimulatedRunFingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _numbers = new byte[8 * 3 + 4 + 16];
    private readonly int[] _bits = new int[4];

    private readonly Dictionary<string, long> _byMarket = new(StringComparer.Ordinal);

    /// <summary>Events hashed so far.</summary>
    public long Events { get; private set; }

    /// <summary>Events hashed so far, by market.</summary>
    public IReadOnlyDictionary<string, long> EventsByMarket => _byMarket;

    /// <summary>The highest stored block of the events so far (-1 before the first): where the run's checkpoint goes.</summary>
    public long LastBlock { get; private set; } = -1;

    /// <summary>Adds the next event, as the simulator emitted it.</summary>
    public void Add(FlowEvent e)
    {
        var block = e.Block + SimulatedFlowLogs.BlockOffset;
        BinaryPrimitives.WriteInt64LittleEndian(_numbers, block);
        BinaryPrimitives.WriteInt64LittleEndian(_numbers.AsSpan(8), e.LogIndex);
        BinaryPrimitives.WriteInt64LittleEndian(_numbers.AsSpan(16), e.Timestamp.UtcTicks);
        BinaryPrimitives.WriteInt32LittleEndian(_numbers.AsSpan(24), (int)e.Kind);
        decimal.GetBits(e.Amount, _bits);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32LittleEndian(_numbers.AsSpan(28 + 4 * i), _bits[i]);
        _hash.AppendData(_numbers);
        foreach (var text in (ReadOnlySpan<string>)[e.TransactionHash, e.Market, e.Account])
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(text));
            _hash.AppendData([0]);
        }
        Events++;
        _byMarket[e.Market] = _byMarket.GetValueOrDefault(e.Market) + 1;
        LastBlock = Math.Max(LastBlock, block);
    }

    /// <summary>The fingerprint of every event added, and the checkpoint the run's logs end at.</summary>
    /// <exception cref="ForecasterException">No event was added (the simulator was not asked for them).</exception>
    public (byte[] Run, ChainCheckpoint Checkpoint) Finish()
    {
        if (Events == 0)
            throw new ForecasterException("The simulation produced no event-level flows to store: only the agent simulator emits them.");
        var run = _hash.GetHashAndReset();
        return (run, new ChainCheckpoint(AgentSimulator.EventChain, SimulatedFlowLogs.Source, LastBlock, SimulatedFlowLogs.BlockHash(run, LastBlock)));
    }

    public void Dispose() => _hash.Dispose();
}
