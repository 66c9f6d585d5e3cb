using System.CommandLine;
using Forecaster.Cli.Commands;

namespace Forecaster.Cli;

/// <summary>Every command of the `forecaster` tool, in the order help lists them.</summary>
public static class CommandCatalog
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Forecaster: forecasts liquidity shortfalls in DeFi lending markets and recommends reserve positions.");
        foreach (var command in Commands()) root.Subcommands.Add(command);
        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return RunCommand.Create();
        yield return IngestCommand.Create();
        yield return SimulateCommand.Create();
        yield return BriefCommand.Create();
        yield return ProposeCommand.Create();
        yield return ReplayCommand.Create();
        yield return BacktestCommand.Create();
        yield return TrainCommand.Create();
        yield return ModelsCommand.Create();
        yield return ServeCommand.Create();
        yield return TimeSeriesCommand.Create();
        yield return EvaluateCommand.Create();
    }
}
