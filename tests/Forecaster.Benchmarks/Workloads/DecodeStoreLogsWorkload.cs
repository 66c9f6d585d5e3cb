using System.Diagnostics;
using Forecaster.Chain.Aave;
using Forecaster.Chain.Ingestion;
using Forecaster.Flows;
using Forecaster.Store.DuckDb;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// Issue 8's throughput figure: 1,000,000 synthetic Aave v3 Pool logs (<see cref="SyntheticPoolLogs"/>) decoded, mapped to
/// flows and stored in DuckDB with their block hashes and checkpoints, in batches of the size a backfill commits
/// (<see cref="PoolIngestOptions.Defaults.CommitLogs"/>). Target: at least 200,000 logs/s. By default the logs are made in
/// setup, so the run times what the issue names, decoding and storing, at the cost of holding all of them in memory (the peak
/// working set includes them). FORECASTER_BENCH_PREMADE=0 makes them batch by batch inside the measured run instead (as a
/// node's answers arrive during ingestion, where parsing the answer takes the making's place) and prints that time apart.
/// FORECASTER_BENCH_LOGS=N runs N logs (quick checks), FORECASTER_BENCH_BATCH=N commits N logs at a time.
/// </summary>
public sealed class DecodeStoreLogsWorkload : IWorkload
{
    private static readonly int LogCount = int.TryParse(Environment.GetEnvironmentVariable("FORECASTER_BENCH_LOGS"), out var n) ? n : 1_000_000;
    private static readonly int BatchSize = int.TryParse(Environment.GetEnvironmentVariable("FORECASTER_BENCH_BATCH"), out var b) ? b : PoolIngestOptions.Defaults.CommitLogs;
    private static readonly bool Premade = Environment.GetEnvironmentVariable("FORECASTER_BENCH_PREMADE") != "0";

    private string _folder = "";
    private readonly SyntheticPoolLogs _synthetic = new();
    private readonly Queue<List<ChainLog>> _premade = new();

    public string Name => "decode-store-logs";

    public string Description => "decode 1,000,000 synthetic Aave v3 Pool logs and store them in DuckDB (issue 8: >= 200,000 logs/s)";

    public Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"forecaster-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        if (Premade)
        {
            var started = Stage.Start();
            for (var offset = 0; offset < LogCount; offset += BatchSize) _premade.Enqueue(_synthetic.Next(Math.Min(BatchSize, LogCount - offset)));
            Console.WriteLine($"  made in setup (not measured): {started.Elapsed().Describe(LogCount)}");
        }
        return Task.CompletedTask;
    }

    // Making and decoding run on this thread while the previous batch is stored on another, as the two cores allow; the store
    // still takes batches one at a time and in order, so each append sees exactly what a sequential run would.
    public async Task<(long Items, string Unit)> RunAsync()
    {
        await using var store = DuckDbFlowEventStore.Open(Path.Combine(_folder, "bench.duckdb"));
        long stored = 0;
        Stage making = default, decoding = default, storing = default;
        Task<(FlowAppendResult Result, Stage Took)>? pending = null;
        for (var offset = 0; offset < LogCount; offset += BatchSize)
        {
            var started = Stage.Start();
            var logs = Premade ? _premade.Dequeue() : _synthetic.Next(Math.Min(BatchSize, LogCount - offset));
            making += started.Elapsed();
            started = Stage.Start();
            var batch = Decode(logs, _synthetic.Reserves);
            decoding += started.Elapsed();
            if (pending is not null) stored += Collect(await pending, ref storing);
            pending = Task.Run(async () =>
            {
                var begun = Stage.Start();
                var result = await store.AppendAsync(batch);
                return (result, begun.Elapsed());
            });
        }
        if (pending is not null) stored += Collect(await pending, ref storing);
        Console.WriteLine($"  make {making.Describe(LogCount)}; decode {decoding.Describe(LogCount)}; store {storing.Describe(LogCount)} " +
                          "(store overlapped with the other two; cpu = the stage's own thread, not DuckDB's helpers)");
        if (stored != LogCount) throw new InvalidOperationException($"stored {stored} of {LogCount} logs");
        Directory.Delete(_folder, recursive: true);
        return (stored, "logs");
    }

    private static long Collect((FlowAppendResult Result, Stage Took) done, ref Stage storing)
    {
        storing += done.Took;
        return done.Result.Inserted;
    }

    // Wall and own-thread CPU time spent in one stage. The store call stays on one thread: its work is synchronous under the lock.
    private readonly record struct Stage(TimeSpan Wall, TimeSpan Cpu)
    {
        public static Stage Start() => new(Stopwatch.GetElapsedTime(0), ThreadCpuClock.Now());

        public Stage Elapsed() => new(Stopwatch.GetElapsedTime(0) - Wall, ThreadCpuClock.Now() - Cpu);

        public static Stage operator +(Stage a, Stage b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu);

        public string Describe(int logs) => $"{Wall.TotalSeconds:F2} s, {Wall.TotalMicroseconds / logs:F2} us/log, cpu {Cpu.TotalMicroseconds / logs:F2} us/log";
    }

    private static FlowLogBatch Decode(List<ChainLog> slice, Dictionary<string, ReserveInfo> reserves)
    {
        var poolLogs = new List<PoolLog>(slice.Count);
        var blocks = new Dictionary<long, ChainBlock>();
        foreach (var log in slice)
        {
            var ev = PoolEventDecoder.TryDecode(log, out var rejection) ?? throw new InvalidOperationException(rejection ?? "not a pool log");
            var flow = ev.Kind == PoolEventKind.ReserveDataUpdated ? null : PoolFlowMapper.ToFlow(log, ev, reserves[ev.Reserve]);
            poolLogs.Add(new PoolLog(log, flow));
            blocks.TryAdd(log.Block, new ChainBlock(log.Chain, log.Block, log.BlockHash, log.Timestamp));
        }
        var last = slice[^1];
        return new FlowLogBatch(blocks.Values.ToList(), poolLogs, new ChainCheckpoint("ethereum", SyntheticPoolLogs.Pool, last.Block, last.BlockHash));
    }
}
