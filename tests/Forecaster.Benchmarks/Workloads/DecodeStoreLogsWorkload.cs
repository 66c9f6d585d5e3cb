using System.Diagnostics;
using System.Numerics;
using Forecaster.Chain.Aave;
using Forecaster.Chain.Abi;
using Forecaster.Flows;
using Forecaster.Store.DuckDb;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// Issue 8's throughput figure: 1,000,000 synthetic Aave v3 Pool logs (a realistic mix of the six flow events and rate
/// updates over four reserves) decoded, mapped to flows and stored in DuckDB in ingestion-sized batches with their block
/// hashes and checkpoints. Target: at least 200,000 logs/s. FORECASTER_BENCH_LOGS=N runs N logs instead (quick checks).
/// </summary>
public sealed class DecodeStoreLogsWorkload : IWorkload
{
    private static readonly int LogCount = int.TryParse(Environment.GetEnvironmentVariable("FORECASTER_BENCH_LOGS"), out var n) ? n : 1_000_000;
    private const int BatchSize = 50_000;
    private const int LogsPerBlock = 20;
    private const string Pool = "0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2";

    private readonly List<ChainLog> _logs = new(LogCount);
    private readonly Dictionary<string, ReserveInfo> _reserves = new();
    private string _folder = "";

    public string Name => "decode-store-logs";

    public string Description => "decode 1,000,000 synthetic Aave v3 Pool logs and store them in DuckDB (issue 8: >= 200,000 logs/s)";

    public Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"forecaster-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        var assets = new[] { ("USDC", 6), ("USDT", 6), ("DAI", 18), ("WETH", 18) }
            .Select((a, i) => (Address: "0x" + (i + 1).ToString("x").PadLeft(40, 'a'), a.Item1, a.Item2)).ToArray();
        foreach (var (address, symbol, decimals) in assets)
            _reserves[address] = new ReserveInfo(address, symbol, decimals, "aave_v3_" + symbol.ToLowerInvariant(), 1.0);
        var random = new Random(8);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < LogCount; i++)
        {
            var block = 18_000_000L + i / LogsPerBlock;
            var reserve = assets[random.Next(assets.Length)];
            var other = assets[random.Next(assets.Length)];
            var (topics, data) = Synthesize(i % 8, reserve.Address, other.Address, random);
            _logs.Add(new ChainLog("ethereum", block, Hash(block), Hash(1_000_000_000L + i), i % LogsPerBlock,
                start.AddSeconds((block - 18_000_000L) * 12), Pool, topics, data));
        }
        return Task.CompletedTask;
    }

    // Decoding runs on this thread while the previous batch is stored on another, as the two cores allow; the store still
    // takes batches one at a time and in order, so each append sees exactly what a sequential run would.
    public async Task<(long Items, string Unit)> RunAsync()
    {
        await using var store = DuckDbFlowEventStore.Open(Path.Combine(_folder, "bench.duckdb"));
        long stored = 0;
        var decoding = TimeSpan.Zero;
        var storing = TimeSpan.Zero;
        Task<(FlowAppendResult Result, TimeSpan Took)>? pending = null;
        for (var offset = 0; offset < _logs.Count; offset += BatchSize)
        {
            var started = Stopwatch.GetTimestamp();
            var batch = Decode(_logs.GetRange(offset, Math.Min(BatchSize, _logs.Count - offset)));
            decoding += Stopwatch.GetElapsedTime(started);
            if (pending is not null) stored += Collect(await pending, ref storing);
            pending = Task.Run(async () =>
            {
                var begun = Stopwatch.GetTimestamp();
                var result = await store.AppendAsync(batch);
                return (result, Stopwatch.GetElapsedTime(begun));
            });
        }
        if (pending is not null) stored += Collect(await pending, ref storing);
        Console.WriteLine($"  decode {decoding.TotalSeconds:F2} s ({decoding.TotalMicroseconds / _logs.Count:F2} us/log), " +
                          $"store {storing.TotalSeconds:F2} s ({storing.TotalMicroseconds / _logs.Count:F2} us/log), overlapped");
        if (stored != _logs.Count) throw new InvalidOperationException($"stored {stored} of {_logs.Count} logs");
        Directory.Delete(_folder, recursive: true);
        return (stored, "logs");
    }

    private static long Collect((FlowAppendResult Result, TimeSpan Took) done, ref TimeSpan storing)
    {
        storing += done.Took;
        return done.Result.Inserted;
    }

    private FlowLogBatch Decode(List<ChainLog> slice)
    {
        var poolLogs = new List<PoolLog>(slice.Count);
        var blocks = new Dictionary<long, ChainBlock>();
        foreach (var log in slice)
        {
            var ev = PoolEventDecoder.TryDecode(log, out var rejection) ?? throw new InvalidOperationException(rejection ?? "not a pool log");
            var flow = ev.Kind == PoolEventKind.ReserveDataUpdated ? null : PoolFlowMapper.ToFlow(log, ev, _reserves[ev.Reserve]);
            poolLogs.Add(new PoolLog(log, flow));
            blocks.TryAdd(log.Block, new ChainBlock(log.Chain, log.Block, log.BlockHash, log.Timestamp));
        }
        var last = slice[^1];
        return new FlowLogBatch(blocks.Values.ToList(), poolLogs, new ChainCheckpoint("ethereum", Pool, last.Block, last.BlockHash));
    }

    private static (string[] Topics, byte[] Data) Synthesize(int kind, string reserve, string other, Random random)
    {
        var user = "0x" + random.Next().ToString("x").PadLeft(40, '0');
        var amount = new BigInteger(random.NextInt64(1, long.MaxValue)) * 1000;
        return kind switch
        {
            0 or 1 => ([AaveV3PoolEvents.Supply, T(reserve), T(user), T("0x0")], Words(W(user), W(amount))),
            2 => ([AaveV3PoolEvents.Withdraw, T(reserve), T(user), T(user)], Words(W(amount))),
            3 => ([AaveV3PoolEvents.Borrow, T(reserve), T(user), T("0x0")], Words(W(user), W(amount), W(2), W(BigInteger.Pow(10, 25)))),
            4 => ([AaveV3PoolEvents.Repay, T(reserve), T(user), T(user)], Words(W(amount), W(0))),
            5 => ([AaveV3PoolEvents.LiquidationCall, T(reserve), T(other), T(user)], Words(W(amount), W(amount / 2), W(user), W(0))),
            6 => ([AaveV3PoolEvents.FlashLoan, T(user), T(reserve), T("0x0")], Words(W(user), W(amount), W(0), W(amount / 2000))),
            _ => ([AaveV3PoolEvents.ReserveDataUpdated, T(reserve)],
                Words(W(BigInteger.Pow(10, 25)), W(0), W(3 * BigInteger.Pow(10, 25)), W(BigInteger.Pow(10, 27)), W(BigInteger.Pow(10, 27)))),
        };
    }

    private static string T(string address) => "0x" + address[2..].PadLeft(64, '0');
    private static string W(string address) => address[2..].PadLeft(64, '0');
    private static string W(BigInteger value) => value.ToString("x").TrimStart('0').PadLeft(64, '0');
    private static byte[] Words(params string[] words) => Hex.Parse(string.Concat(words));
    private static string Hash(long seed) => "0x" + seed.ToString("x").PadLeft(64, 'b');
}
