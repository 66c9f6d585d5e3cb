using System.Buffers.Binary;
using Forecaster.Chain.Aave;
using Forecaster.Flows;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// Synthetic Aave v3 Pool logs for decode-store-logs, made batch by batch so a million of them are never held at once (they
/// were most of the benchmark's peak memory). A realistic mix: the six flow events and rate updates in turn, over four
/// reserves, 20 logs a block, 12 s blocks; users and amounts from a fixed seed, so every run reads the same logs. Words are
/// written as bytes directly and hashes formatted in one step: making the logs should cost less than decoding them.
/// </summary>
internal sealed class SyntheticPoolLogs
{
    public const string Pool = "0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2";
    private const int LogsPerBlock = 20;
    private const int Word = 32;
    private const long FirstBlock = 18_000_000L;
    private static readonly string ZeroTopic = Topic(0);
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UInt128 Ray = UInt128.Parse("1000000000000000000000000000"); // 10^27

    private readonly string[] _reserveTopics;
    private readonly Random _random = new(8);
    private int _next;

    public SyntheticPoolLogs()
    {
        var assets = new[] { ("USDC", 6), ("USDT", 6), ("DAI", 18), ("WETH", 18) };
        _reserveTopics = new string[assets.Length];
        for (var i = 0; i < assets.Length; i++)
        {
            var address = "0x" + (i + 1).ToString("x").PadLeft(40, 'a');
            var (symbol, decimals) = assets[i];
            Reserves[address] = new ReserveInfo(address, symbol, decimals, "aave_v3_" + symbol.ToLowerInvariant(), 1.0);
            _reserveTopics[i] = "0x" + address[2..].PadLeft(64, '0');
        }
    }

    public Dictionary<string, ReserveInfo> Reserves { get; } = new();

    /// <summary>The next <paramref name="count"/> logs.</summary>
    public List<ChainLog> Next(int count)
    {
        var logs = new List<ChainLog>(count);
        string blockHash = "";
        for (var end = _next + count; _next < end; _next++)
        {
            var i = _next;
            var block = FirstBlock + i / LogsPerBlock;
            if (i % LogsPerBlock == 0 || logs.Count == 0) blockHash = Hash(block);
            var reserve = _reserveTopics[_random.Next(_reserveTopics.Length)];
            var other = _reserveTopics[_random.Next(_reserveTopics.Length)];
            var (topics, data) = Synthesize(i % 8, reserve, other);
            logs.Add(new ChainLog("ethereum", block, blockHash, Hash(1_000_000_000L + i), i % LogsPerBlock,
                Start.AddSeconds((block - FirstBlock) * 12), Pool, topics, data));
        }
        return logs;
    }

    private (string[] Topics, byte[] Data) Synthesize(int kind, string reserve, string other)
    {
        UInt128 user = (uint)_random.Next();
        var userTopic = Topic(user);
        var amount = (UInt128)(ulong)_random.NextInt64(1, long.MaxValue) * 1000;
        return kind switch
        {
            0 or 1 => ([AaveV3PoolEvents.Supply, reserve, userTopic, ZeroTopic], Words(user, amount)),
            2 => ([AaveV3PoolEvents.Withdraw, reserve, userTopic, userTopic], Words(amount)),
            3 => ([AaveV3PoolEvents.Borrow, reserve, userTopic, ZeroTopic], Words(user, amount, 2, Ray / 100)),
            4 => ([AaveV3PoolEvents.Repay, reserve, userTopic, userTopic], Words(amount, 0)),
            5 => ([AaveV3PoolEvents.LiquidationCall, reserve, other, userTopic], Words(amount, amount / 2, user, 0)),
            6 => ([AaveV3PoolEvents.FlashLoan, userTopic, reserve, ZeroTopic], Words(user, amount, 0, amount / 2000)),
            _ => ([AaveV3PoolEvents.ReserveDataUpdated, reserve], Words(Ray / 100, 0, 3 * Ray / 100, Ray, Ray)),
        };
    }

    // Every value here (the synthetic users' addresses, amounts, rates) fits the low 16 bytes of its word.
    private static byte[] Words(params ReadOnlySpan<UInt128> values)
    {
        var data = new byte[values.Length * Word];
        for (var w = 0; w < values.Length; w++) BinaryPrimitives.WriteUInt128BigEndian(data.AsSpan(w * Word + 16, 16), values[w]);
        return data;
    }

    private static string Topic(UInt128 value) => $"0x{value:x64}";

    private static string Hash(long seed) => $"0x{seed:x64}";
}
