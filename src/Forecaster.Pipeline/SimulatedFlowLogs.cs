using System.Buffers.Binary;
using System.Security.Cryptography;
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
/// Block hashes are synthetic, SHA-256 of the run's fingerprint (<see cref="SimulatedRunFingerprint"/>, a SHA-256 over every
/// event) and the block number: the same simulation stores the same blocks and keys again (nothing twice), while another
/// run's blocks differ. Logs have no topics or data: the decoded flow is what is stored (<see cref="SimulatedLogChunk"/>).
/// </summary>
public static class SimulatedFlowLogs
{
    /// <summary>Source name of the simulator's events.</summary>
    public const string Source = "agents";

    /// <summary>What is added to the simulator's block numbers when they are stored (its opening block -1 becomes 0).</summary>
    public const long BlockOffset = 1;

    /// <summary>The stored hash of block <paramref name="block"/> (stored numbering) of the run with fingerprint <paramref name="run"/>.</summary>
    internal static string BlockHash(byte[] run, long block)
    {
        Span<byte> input = stackalloc byte[run.Length + 8];
        run.CopyTo(input);
        BinaryPrimitives.WriteInt64BigEndian(input[run.Length..], block);
        return "0x" + Convert.ToHexStringLower(SHA256.HashData(input));
    }
}
