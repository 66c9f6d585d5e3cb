using System.Numerics;
using System.Text.Json.Nodes;
using Forecaster.Chain.Aave;
using Forecaster.Chain.Abi;
using Forecaster.Chain.Ingestion;
using Forecaster.Chain.Rpc;
using Forecaster.Chain.Tests.Node;
using Forecaster.Flows;
using Forecaster.Store.DuckDb;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// Issue 8's "kept current": one scheduled <c>ingest rpc</c> run of a pool whose store already holds a long history, with a few
/// new blocks since the last run. Setup (not measured): a real anvil node with the test pool and four reserves mines 2,000
/// blocks 8.76 h apart (two years), the store gets 200,000 synthetic pool logs (100 a block) under those blocks' real hashes and
/// times, and a first run aggregates them; then three transactions. Measured: the next run, through the real PoolIngestor.
/// FORECASTER_BENCH_HISTORY_LOGS=N stores N logs instead; FORECASTER_BENCH_REAGGREGATE=1 measures the run with --reaggregate
/// (every stored log aggregated and every hour upserted again, as each run did before aggregation points).
/// </summary>
public sealed class KeepPoolCurrentWorkload : IWorkload
{
    private const int LogsPerBlock = 100;
    private const int BlockSeconds = 31_536; // 2,000 blocks span two years
    private static readonly int HistoryLogs = int.TryParse(Environment.GetEnvironmentVariable("FORECASTER_BENCH_HISTORY_LOGS"), out var n) ? n : 200_000;
    private static readonly bool Reaggregate = Environment.GetEnvironmentVariable("FORECASTER_BENCH_REAGGREGATE") == "1";
    private static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    private string _folder = "";
    private AnvilNode _node = null!;
    private MockPoolContract _pool = null!;
    private DuckDbMarketStore _markets = null!;
    private DuckDbFlowEventStore _flows = null!;

    public string Name => "keep-pool-current";

    public string Description => "one ingest rpc run on a store holding 200,000 logs over two years, with three new transactions (issue 8)";

    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"forecaster-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _node = await AnvilNode.StartAsync();
        _pool = await MockPoolContract.DeployAsync(_node);
        var reserves = new List<string>();
        foreach (var (symbol, decimals) in new[] { ("USDC", 6), ("USDT", 6), ("DAI", 18), ("WETH", 18) }) // as StoreHistoryAsync names them
        {
            var asset = await _pool.AddReserveAsync(symbol, decimals);
            await _pool.SetRatesAsync(asset, Ray / 25, Ray / 10);
            reserves.Add(asset);
        }
        var first = await _node.Rpc.GetBlockNumberAsync() + 1;
        var blockCount = (HistoryLogs + LogsPerBlock - 1) / LogsPerBlock;
        // In steps: a long anvil_mine on a loaded machine outlasts the client's timeout, and a retried mine would mine twice.
        for (var mined = 0; mined < blockCount; mined += 250)
            await _node.Rpc.CallAsync("anvil_mine", [Hex.FormatQuantity(Math.Min(250, blockCount - mined)), Hex.FormatQuantity(BlockSeconds)]);
        _markets = DuckDbMarketStore.Open(Path.Combine(_folder, "bench.duckdb"));
        _flows = DuckDbFlowEventStore.Attach(_markets);
        await StoreHistoryAsync(first, blockCount, reserves);
        await RunAsync(reaggregate: false); // the run that aggregated the history before (its point is where the next resumes)
        var weth = reserves[3];
        await _pool.SupplyAsync(reserves[0], 5_000_000_000, _pool.Sender);
        await _pool.SupplyAsync(weth, BigInteger.Pow(10, 19), _pool.Sender);
        await _pool.BorrowAsync(reserves[0], 1_000_000_000, _pool.Sender);
    }

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var report = await RunAsync(Reaggregate, line => Console.WriteLine($"  {started.Elapsed.TotalSeconds,6:F2} s  {line}"));
        Console.WriteLine($"  {(Reaggregate ? "--reaggregate" : "incremental")}: blocks {report.FromBlock}-{report.ToBlock}, {report.LogsRead} new logs, " +
                          $"{report.HoursWritten:N0} hours upserted, store of {HistoryLogs:N0} historic logs");
        await _flows.DisposeAsync();
        await _markets.DisposeAsync();
        await _node.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        return (1, "runs");
    }

    // The measured run prints the ingestor's log lines with the time since it started: where a run's time goes.
    private async Task<IngestReport> RunAsync(bool reaggregate, Action<string>? log = null)
    {
        using var rpc = new JsonRpcClient(new RpcClientOptions { Url = _node.Url });
        var options = new PoolIngestOptions
        {
            Chain = "anvil", Pool = _pool.Address, FromBlock = 0, Confirmations = 0,
            UsdPrices = new Dictionary<string, double> { ["WETH"] = 2000 },
            Reaggregate = reaggregate,
        };
        return await new PoolIngestor(rpc, _flows, _markets, options, log, _markets).RunAsync();
    }

    // Synthetic pool logs in the mined blocks, stored as ingestion would (batches of 50,000 with their blocks and checkpoint).
    private async Task StoreHistoryAsync(long first, int blockCount, IReadOnlyList<string> reserves)
    {
        var blocks = await _node.Rpc.GetBlocksAsync(Enumerable.Range(0, blockCount).Select(i => first + i).ToList(), batchSize: 500);
        string[] symbols = ["USDC", "USDT", "DAI", "WETH"];
        var infos = reserves.Select((asset, i) => new ReserveInfo(asset, symbols[i], i < 2 ? 6 : 18, "aave_v3_" + symbols[i].ToLowerInvariant(), 1.0))
            .ToDictionary(r => r.Asset);
        var random = new Random(8);
        foreach (var chunk in blocks.Chunk(50_000 / LogsPerBlock))
        {
            var logs = new List<PoolLog>();
            foreach (var block in chunk)
                for (var index = 0; index < LogsPerBlock && (block.Number - first) * LogsPerBlock + index < HistoryLogs; index++)
                {
                    var asset = reserves[random.Next(reserves.Count)];
                    var (topics, data) = Event(index % 5, asset, random);
                    var log = new ChainLog("anvil", block.Number, block.Hash, "0x" + ((block.Number << 8) + index).ToString("x64"), index, block.Timestamp, _pool.Address, topics, data);
                    var ev = PoolEventDecoder.TryDecode(log, out var rejection) ?? throw new InvalidOperationException(rejection);
                    logs.Add(new PoolLog(log, ev.Kind == PoolEventKind.ReserveDataUpdated ? null : PoolFlowMapper.ToFlow(log, ev, infos[asset])));
                }
            var last = chunk[^1];
            await _flows.AppendAsync(new FlowLogBatch(chunk.Select(b => new ChainBlock("anvil", b.Number, b.Hash, b.Timestamp)).ToList(), logs,
                new ChainCheckpoint("anvil", _pool.Address, last.Number, last.Hash)));
        }
    }

    // Supplies, withdrawals, borrows, repayments and rate updates in turn; deposits outgrow withdrawals, so balances stay positive.
    private static (string[] Topics, byte[] Data) Event(int kind, string asset, Random random)
    {
        var reserve = Word(BigInteger.Parse("0" + asset[2..], System.Globalization.NumberStyles.HexNumber));
        var user = Word(random.Next(1, 1_000_000));
        BigInteger amount = random.Next(1, 1_000_000) * 1_000_000L;
        return kind switch
        {
            0 => ([AaveV3PoolEvents.Supply, reserve, user, Word(0)], Data(random.Next(1, 1_000_000), amount * 3)),
            1 => ([AaveV3PoolEvents.Withdraw, reserve, user, user], Data(amount)),
            2 => ([AaveV3PoolEvents.Borrow, reserve, user, Word(0)], Data(random.Next(1, 1_000_000), amount, 2, Ray / 20)),
            3 => ([AaveV3PoolEvents.Repay, reserve, user, user], Data(amount / 2, 0)),
            _ => ([AaveV3PoolEvents.ReserveDataUpdated, reserve], Data(Ray / 25, 0, Ray / 10, Ray, Ray)),
        };
    }

    private static string Word(BigInteger value) => "0x" + value.ToString("x").TrimStart('0').PadLeft(64, '0');

    private static byte[] Data(params BigInteger[] words) => Hex.Parse(string.Concat(words.Select(w => Word(w)[2..])));
}
