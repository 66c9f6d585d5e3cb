using Forecaster.Chain.Ingestion;
using Forecaster.Chain.Rpc;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>Each test gets its own anvil (so snapshots and reverts cannot touch another test), a deployed pool and a fresh store.</summary>
public abstract class NodeTestBase : IAsyncLifetime
{
    protected const string Alice = "0x00000000000000000000000000000000000a11ce";
    protected const string Bob = "0x0000000000000000000000000000000000000b0b";
    protected const string Treasury = "0x0000000000000000000000000000000000007ea5";
    protected static readonly System.Numerics.BigInteger FourPct = System.Numerics.BigInteger.Parse("40000000000000000000000000");  // rays
    protected static readonly System.Numerics.BigInteger TenPct = System.Numerics.BigInteger.Parse("100000000000000000000000000");
    protected static readonly DateTimeOffset Hour = new(2030, 1, 1, 10, 0, 0, TimeSpan.Zero); // a whole hour after anvil's genesis

    private readonly TempDirectory _folder = new("forecaster-chain");

    protected AnvilNode Node { get; private set; } = null!;
    protected MockPoolContract Pool { get; private set; } = null!;
    protected DuckDbMarketStore Markets { get; private set; } = null!;
    protected DuckDbFlowEventStore Flows { get; private set; } = null!;
    protected List<string> Log { get; } = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Node = await AnvilNode.StartAsync();
        Pool = await MockPoolContract.DeployAsync(Node);
        Markets = DuckDbMarketStore.Open(_folder.File("store.duckdb"));
        Flows = DuckDbFlowEventStore.Attach(Markets);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Flows.DisposeAsync();
        await Markets.DisposeAsync();
        await Node.DisposeAsync();
        _folder.Dispose();
    }

    protected PoolIngestOptions Options(long fromBlock = 0, int confirmations = 0, long initialSpan = 2_000, long maxSpan = PoolIngestOptions.Defaults.MaxSpan,
        bool reconcile = true, bool aTokenTransfers = true, string? pool = null, string marketPrefix = PoolIngestOptions.Defaults.MarketPrefix,
        long? toBlock = null, int commitLogs = PoolIngestOptions.Defaults.CommitLogs, TimeSpan? commitInterval = null) => new()
    {
        ToBlock = toBlock,
        CommitLogs = commitLogs,
        CommitInterval = commitInterval ?? PoolIngestOptions.Defaults.CommitInterval,
        MarketPrefix = marketPrefix,
        ATokenTransfers = aTokenTransfers,
        MaxSpan = maxSpan,
        Reconcile = reconcile,
        Chain = "anvil",
        Pool = pool ?? Pool.Address,
        FromBlock = fromBlock,
        Confirmations = confirmations,
        InitialSpan = initialSpan,
        UsdPrices = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["WETH"] = 2000 },
    };

    protected JsonRpcClient Client(string? url = null, int maxRetries = 3) => new(new RpcClientOptions
    {
        Url = url ?? Node.Url,
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(200),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(10),
        Log = Log.Add,
    });

    protected async Task<IngestReport> IngestAsync(PoolIngestOptions? options = null, string? url = null, int maxRetries = 3,
        CancellationToken? cancellationToken = null)
    {
        using var rpc = Client(url, maxRetries);
        return await new PoolIngestor(rpc, Flows, Markets, options ?? Options(), Log.Add, Markets).RunAsync(cancellationToken ?? Ct);
    }

    // Runs a transaction in a block stamped at a given moment.
    protected async Task At(DateTimeOffset when, Func<Task> action)
    {
        await Node.SetNextTimestampAsync(when);
        await action();
    }

    // Mines an empty block stamped at a given moment and returns its number.
    protected async Task<long> MineAtAsync(DateTimeOffset when)
    {
        await Node.SetNextTimestampAsync(when);
        await Node.MineAsync();
        return await Node.Rpc.GetBlockNumberAsync(Ct);
    }

    protected static System.Numerics.BigInteger Units(decimal tokens, int decimals) =>
        new System.Numerics.BigInteger(tokens * (decimal)Math.Pow(10, Math.Min(decimals, 18))) * System.Numerics.BigInteger.Pow(10, Math.Max(0, decimals - 18));
}
