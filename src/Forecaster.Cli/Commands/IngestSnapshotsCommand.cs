using System.CommandLine;
using Forecaster.Ingest.Snapshots;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster ingest snapshots FILE... [--market NAME] [--store PATH] [--lenient]</c>.</summary>
public static class IngestSnapshotsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Hourly snapshot files: CSV, CSV.gz or Parquet", Arity = ArgumentArity.OneOrMore };
        var market = new Option<string?>("--market") { Description = "Market every file goes to (default: each file's name, e.g. aave_v2_usdt)" };
        var lenient = new Option<bool>("--lenient") { Description = "Send malformed rows to a rejects file and go on, instead of failing" };
        var store = CliOptions.Store();
        var command = new Command("snapshots", "Ingest hourly market snapshot files (the shared aave-v2-hourly schema).") { files, market, lenient, store };

        CommandAction.Set(command, async (parse, ct) =>
        {
            var storePath = parse.GetValue(store)!;
            await using var marketStore = DuckDbMarketStore.Open(storePath);
            var rejects = Path.Combine(Path.GetDirectoryName(marketStore.Path)!, "quarantine");
            var summary = await new SnapshotIngestor(marketStore).IngestAsync(parse.GetValue(files)!,
                new SnapshotIngestOptions { Market = parse.GetValue(market), Lenient = parse.GetValue(lenient), RejectsDirectory = rejects }, ct);
            foreach (var m in summary.Markets) Console.WriteLine(m.Describe());
            Console.WriteLine($"total: read {summary.RowsRead:N0} rows, stored {summary.Markets.Sum(m => m.Inserted):N0} new, updated {summary.Markets.Sum(m => m.Updated):N0}, " +
                              $"skipped {summary.Markets.Sum(m => m.Cleaning.SkippedPreOpen):N0}, flagged {summary.Markets.Sum(m => m.Flagged):N0}, rejected {summary.Rejected:N0}; store {marketStore.Path}");
            if (summary.RejectsFile is not null) Console.WriteLine($"rejected rows and their reasons: {summary.RejectsFile}");
            return 0;
        });
        return command;
    }
}
