using System.CommandLine;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster ingest</c>: the ways market data comes in.</summary>
public static class IngestCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("ingest", "Bring market data into the store.");
        command.Subcommands.Add(IngestSnapshotsCommand.Create());
        command.Subcommands.Add(IngestRpcCommand.Create());
        command.Subcommands.Add(IngestPricesCommand.Create());
        return command;
    }
}
