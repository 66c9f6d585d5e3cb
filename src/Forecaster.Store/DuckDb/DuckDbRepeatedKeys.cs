using System.Globalization;
using System.Numerics;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// Finds the logs of a batch whose key (transaction hash, log index) repeats an earlier log's, by sorting instead of hashing:
/// each log gets one 64-bit number, a fingerprint of its key in the high bits and its position in the low bits, and the
/// numbers are sorted, so equal fingerprints end up next to each other, the earliest position first. Only those neighbours
/// are compared by their whole key, so the answer is exact whatever the fingerprints collide on. A HashSet of the whole keys
/// did the same at about 2.5 times the CPU per log: a fresh table of a commit's 122,880 entries, filled at random addresses.
/// </summary>
internal static class DuckDbRepeatedKeys
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL; // 2^64 / φ: spreads the small log indexes over all the bits

    /// <summary>For each position, whether its key repeats an earlier one's; null when no key repeats (the usual case).</summary>
    public static bool[]? Find(IReadOnlyList<PoolLog> logs)
    {
        var count = logs.Count;
        if (count < 2) return null;
        var positionBits = 64 - BitOperations.LeadingZeroCount((ulong)count);
        var positionMask = (1UL << positionBits) - 1;
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var log = logs[i].Log;
            keys[i] = (Fingerprint(log.TransactionHash, log.LogIndex) & ~positionMask) | (uint)i;
        }
        Array.Sort(keys);
        bool[]? repeated = null;
        for (var run = 0; run < count;)
        {
            var end = run + 1;
            while (end < count && (keys[end] & ~positionMask) == (keys[run] & ~positionMask)) end++;
            // A run of one is the common case; a longer run is a repeated key or a fingerprint collision: compare whole keys.
            for (var later = run + 1; later < end; later++)
            {
                var candidate = logs[(int)(keys[later] & positionMask)].Log;
                for (var earlier = run; earlier < later; earlier++)
                {
                    var position = (int)(keys[earlier] & positionMask);
                    var first = logs[position].Log;
                    if (repeated?[position] != true && first.LogIndex == candidate.LogIndex
                        && string.Equals(first.TransactionHash, candidate.TransactionHash, StringComparison.Ordinal))
                    {
                        (repeated ??= new bool[count])[(int)(keys[later] & positionMask)] = true;
                        break;
                    }
                }
            }
            run = end;
        }
        return repeated;
    }

    // All of the hash's 64 hex digits, folded 16 at a time, and the log index, mixed by SplitMix64's finalizer so that every
    // input bit reaches the high bits kept above the position (hashes made by counting, as in tests and benchmarks, differ
    // only in their last digits). The whole-key comparison compares the text: the writer stores only hashes of 0x and 64
    // lower-case hex digits, where text and value agree (a batch with any other hash is refused whatever this finds).
    private static ulong Fingerprint(string transactionHash, long logIndex)
    {
        var folded = (ulong)logIndex * Golden;
        if (transactionHash.Length == 66)
        {
            for (var at = 2; at < 66; at += 16)
            {
                if (!ulong.TryParse(transactionHash.AsSpan(at, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var chunk))
                    return Mix(folded ^ (ulong)StringComparer.Ordinal.GetHashCode(transactionHash));
                folded = BitOperations.RotateLeft(folded, 17) ^ chunk;
            }
            return Mix(folded);
        }
        return Mix(folded ^ (ulong)StringComparer.Ordinal.GetHashCode(transactionHash));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
