using System.CommandLine;
using System.Globalization;
using Forecaster.Chain.Ingestion;
using Forecaster.Chain.Rpc;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary>
/// <c>forecaster ingest rpc --url URL --pool ADDRESS --from-block N [--to-block N|latest] [--confirmations 12] [--chain NAME]
/// [--market PREFIX] [--usd-price SYMBOL=PRICE]... [--no-reconcile] [--no-atoken-transfers] [--commit-logs N] [--reaggregate] [--store PATH]</c>: follows an Aave-v3-style pool through a node.
/// </summary>
public static class IngestRpcCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "JSON-RPC URL of the node (keys in it are masked in every message)", Required = true };
        var pool = new Option<string>("--pool") { Description = "Pool contract address (0x...)", Required = true };
        var market = new Option<string>("--market")
        {
            Description = $"Market name prefix; each reserve becomes PREFIX_symbol. Default {PoolIngestOptions.Defaults.MarketPrefix}",
            DefaultValueFactory = _ => PoolIngestOptions.Defaults.MarketPrefix,
        };
        var chain = new Option<string>("--chain") { Description = "Chain name, checked against the node's eth_chainId. Default ethereum", DefaultValueFactory = _ => "ethereum" };
        var fromBlock = new Option<long>("--from-block") { Description = "First block to read when there is no checkpoint (e.g. the pool's deployment block)", Required = true };
        var toBlock = new Option<string>("--to-block") { Description = "Last block to read, or 'latest' (the latest final block). Default latest", DefaultValueFactory = _ => "latest" };
        var confirmations = new Option<int>("--confirmations")
        {
            Description = $"Blocks below the tip before a block is final, in [0, 1000]. Default {PoolIngestOptions.Defaults.Confirmations}",
            DefaultValueFactory = _ => PoolIngestOptions.Defaults.Confirmations,
        };
        var prices = new Option<string[]>("--usd-price") { Description = "USD per whole token, SYMBOL=PRICE (repeatable); USD stablecoins default to 1.0" };
        var noReconcile = new Option<bool>("--no-reconcile")
        {
            Description = "Skip comparing the state built from events with the pool's getReserveData (e.g. on a node without archive state)",
        };
        var noTransfers = new Option<bool>("--no-atoken-transfers")
        {
            Description = "Read only the Pool's events, not the ERC-20 Transfer logs of its aTokens",
        };
        var commitLogs = new Option<int>("--commit-logs")
        {
            Description = $"During a backfill, store read ranges together once they hold this many logs (or every " +
                          $"{PoolIngestOptions.Defaults.CommitInterval.TotalSeconds:F0} s); 1 stores every range. Default {PoolIngestOptions.Defaults.CommitLogs} (one DuckDB row group)",
            DefaultValueFactory = _ => PoolIngestOptions.Defaults.CommitLogs,
        };
        var reaggregate = new Option<bool>("--reaggregate")
        {
            Description = "Aggregate every stored log into hours again instead of only those after the saved aggregation point",
        };
        var store = CliOptions.Store();
        var command = new Command("rpc", "Read Aave v3 Pool events from an Ethereum node into flows and hourly market states.")
        {
            url, pool, market, chain, fromBlock, toBlock, confirmations, prices, noReconcile, noTransfers, commitLogs, reaggregate, store,
        };

        CommandAction.Set(command, async (parse, ct) =>
        {
            var options = new PoolIngestOptions
            {
                Chain = parse.GetValue(chain)!,
                Pool = parse.GetValue(pool)!,
                FromBlock = parse.GetValue(fromBlock),
                ToBlock = ParseToBlock(parse.GetValue(toBlock)),
                Confirmations = parse.GetValue(confirmations),
                MarketPrefix = parse.GetValue(market)!,
                UsdPrices = ParsePrices(parse.GetValue(prices) ?? []),
                Reconcile = !parse.GetValue(noReconcile),
                ATokenTransfers = !parse.GetValue(noTransfers),
                CommitLogs = parse.GetValue(commitLogs),
                Reaggregate = parse.GetValue(reaggregate),
            };
            options.Validate();
            await using var marketStore = DuckDbMarketStore.Open(parse.GetValue(store)!);
            await using var flowStore = DuckDbFlowEventStore.Attach(marketStore);
            using var rpc = new JsonRpcClient(new RpcClientOptions { Url = parse.GetValue(url)!, Log = Console.Error.WriteLine });
            var report = await new PoolIngestor(rpc, flowStore, marketStore, options, Console.WriteLine, marketStore).RunAsync(ct);
            Console.WriteLine($"{rpc.MaskedUrl} chain {report.ChainId}: blocks {report.FromBlock}-{report.ToBlock}, {report.LogsRead:N0} logs, " +
                              $"{report.Inserted:N0} new, {report.AlreadyStored:N0} already stored, {report.Rejected.Count} rejected, " +
                              $"{report.RolledBack:N0} rolled back{(report.ReorgFromBlock is { } r ? $" (reorg from block {r})" : "")}, " +
                              $"{report.RangeRefusals} ranges split, {report.HoursWritten:N0} hours written; store {marketStore.Path}");
            foreach (var rejection in report.Rejected) Console.WriteLine("rejected: " + rejection);
            foreach (var drift in report.Drifts) Console.WriteLine("reconciliation: " + drift);
            foreach (var check in report.TransferChecks) Console.WriteLine("aToken transfers: " + check);
            return 0;
        });
        return command;
    }

    private static long? ParseToBlock(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Equals("latest", StringComparison.OrdinalIgnoreCase)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var block)) return block;
        throw new ForecasterException($"--to-block must be a block number >= 0 or 'latest', got '{text}'.");
    }

    private static Dictionary<string, double> ParsePrices(string[] pairs)
    {
        var prices = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 ||
                !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
                throw new ForecasterException($"--usd-price must be SYMBOL=PRICE (e.g. WETH=3000), got '{pair}'.");
            prices[parts[0].Trim()] = price;
        }
        return prices;
    }
}
