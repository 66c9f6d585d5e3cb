using System.CommandLine;
using System.Globalization;
using Forecaster.Modeling.Registry;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster models list</c> and <c>forecaster models promote NAME VERSION [--force]</c>.</summary>
public static class ModelsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("models", "List registered models or promote a version to champion.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Promote());
        return command;
    }

    private static Command List()
    {
        var models = TrainCommand.ModelsOption();
        var command = new Command("list", "List every registered model version with its backtest metrics; * marks the champion.") { models };
        CommandAction.Set(command, (parse, _) =>
        {
            var registry = new ModelRegistry(parse.GetValue(models)!);
            var cards = registry.List();
            if (cards.Count == 0) Console.WriteLine($"no models in {registry.Root}");
            foreach (var c in cards)
            {
                var mark = registry.Champion(c.Name) == c.Version ? "*" : " ";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{mark} {c.Name} v{c.Version}  {c.CreatedUtc:yyyy-MM-dd HH:mm}  data {c.DataFrom:yyyy-MM-dd}..{c.DataTo:yyyy-MM-dd}  recall {c.Metrics.Recall:0.###}  lead {c.Metrics.MedianLeadHours:0.#} h  AUC-PR {c.Metrics.AucPr:0.###}  Brier skill {c.Metrics.BrierSkill:0.###}  code {c.CodeVersion[..Math.Min(8, c.CodeVersion.Length)]}"));
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Promote()
    {
        var name = new Argument<string>("NAME") { Description = "Model name, e.g. shortfall" };
        var version = new Argument<int>("VERSION") { Description = "Version number" };
        var force = new Option<bool>("--force") { Description = "Promote even if its backtest does not beat the champion's" };
        var models = TrainCommand.ModelsOption();
        var command = new Command("promote", "Make a version the champion (only if its backtest beats the champion's, unless --force).") { name, version, force, models };
        CommandAction.Set(command, (parse, _) =>
        {
            var registry = new ModelRegistry(parse.GetValue(models)!);
            registry.Promote(parse.GetValue(name)!, parse.GetValue(version), parse.GetValue(force));
            Console.WriteLine($"{parse.GetValue(name)} v{parse.GetValue(version)} is now champion");
            return Task.FromResult(0);
        });
        return command;
    }
}
