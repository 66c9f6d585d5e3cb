using System.CommandLine;
using Forecaster.Ingest.Prices;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster ingest prices FILE... [--store PATH]</c>.</summary>
public static class IngestPricesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Token price files (symbol,timestamp[ms],USD_price), CSV or CSV.gz", Arity = ArgumentArity.OneOrMore };
        var store = CliOptions.Store();
        var command = new Command("prices", "Ingest token prices (the shared prices-hourly format) as one price per UTC hour.") { files, store };

        CommandAction.Set(command, async (parse, ct) =>
        {
            await using var marketStore = DuckDbMarketStore.Open(parse.GetValue(store)!);
            var summaries = await new PriceIngestor(marketStore).IngestAsync(parse.GetValue(files)!, ct);
            foreach (var s in summaries) Console.WriteLine(s.Describe());
            Console.WriteLine($"store {marketStore.Path}");
            return 0;
        });
        return command;
    }
}
