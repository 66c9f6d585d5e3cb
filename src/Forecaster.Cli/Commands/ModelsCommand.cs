using System.CommandLine;
using System.Globalization;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Registry;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster models list</c> (with each version's latest promotion decision), <c>forecaster models methods</c> and <c>forecaster models promote NAME VERSION [--force] [--store PATH]</c>.</summary>
public static class ModelsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("models", "List registered models, promote a version to champion, or list the trainable methods.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Promote());
        command.Subcommands.Add(Methods());
        return command;
    }

    private static Command Methods()
    {
        var command = new Command("methods", "List the early-warning methods `train --method` knows, each with what it does; * marks the default.");
        CommandAction.Set(command, (_, _) =>
        {
            var width = EarlyWarningMethods.All.Max(m => m.Name.Length);
            foreach (var m in EarlyWarningMethods.All)
                Console.WriteLine($"{(m.Name == EarlyWarningMethods.DefaultName ? "*" : " ")} {m.Name.PadRight(width)}  {m.Description}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command List()
    {
        var models = TrainCommand.ModelsOption();
        var command = new Command("list", "List every registered model version with its method, backtest metrics and latest promotion decision; * marks the champion.") { models };
        CommandAction.Set(command, (parse, _) =>
        {
            var registry = new ModelRegistry(parse.GetValue(models)!);
            var cards = registry.List();
            if (cards.Count == 0) Console.WriteLine($"no models in {registry.Root}");
            foreach (var group in cards.GroupBy(c => c.Name))
            {
                var champion = registry.Champion(group.Key);
                var latest = registry.History(group.Key).GroupBy(d => d.Version).ToDictionary(g => g.Key, g => g.Last());
                foreach (var c in group)
                {
                    var mark = champion == c.Version ? "*" : " ";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{mark} {c.Name} v{c.Version}  {c.Method ?? "(custom)"}  {c.CreatedUtc:yyyy-MM-dd HH:mm}  data {c.DataFrom:yyyy-MM-dd}..{c.DataTo:yyyy-MM-dd}  recall {c.Metrics.Recall:0.###}  lead {c.Metrics.MedianLeadHours:0.#} h  AUC-PR {c.Metrics.AucPr:0.###}  Brier skill {c.Metrics.BrierSkill:0.###}  code {c.CodeVersion[..Math.Min(8, c.CodeVersion.Length)]}  {Decision(latest.GetValueOrDefault(c.Version))}"));
                }
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Promote()
    {
        var name = new Argument<string>("NAME") { Description = "Model name, e.g. shortfall" };
        var version = new Argument<int>("VERSION") { Description = "Version number" };
        var force = new Option<bool>("--force") { Description = "Promote even if it does not beat the champion" };
        var models = TrainCommand.ModelsOption();
        var store = new Option<string>("--store")
        {
            Description = "Market data store (DuckDB file) holding the version's data: both it and the champion's method are then measured on the same hours. " +
                "Without it, the card's recorded comparison with this champion is used, else the two cards' figures (from their own data windows).",
        };
        var command = new Command("promote", "Make a version the champion (only if it beats the champion, on the same hours with --store, unless --force).") { name, version, force, models, store };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var registry = new ModelRegistry(parse.GetValue(models)!);
            var (model, number) = (parse.GetValue(name)!, parse.GetValue(version));
            ChampionComparison? comparison = null;
            var storePath = parse.GetValue(store);
            if (storePath is not null && !File.Exists(storePath)) throw new ForecasterException($"--store: no store at {Path.GetFullPath(storePath)}.");
            if (storePath is not null && !parse.GetValue(force))
            {
                await using var marketStore = DuckDbMarketStore.Open(storePath);
                comparison = await new Pipeline.ChallengerComparisonService(marketStore, registry).CompareAsync(model, number, new SynchronousProgress(Console.Error.WriteLine), ct);
                Print(comparison);
            }
            var decided = registry.Promote(model, number, parse.GetValue(force), comparison);
            if (comparison is null) Print(decided);
            Console.WriteLine($"{model} v{number} is now champion");
            return 0;
        });
        return command;
    }

    // The latest decision about a version: what, by what, when and on what basis.
    private static string Decision(PromotionDecision? d) => d is null
        ? "no decision logged"
        : string.Create(CultureInfo.InvariantCulture,
            $"{(d.Forced ? "forced" : d.Promoted ? "promoted" : "rejected")} by {d.DecidedBy} {d.TimeUtc:yyyy-MM-dd HH:mm}{(d.Comparison is { } c ? $" ({c.Basis} vs v{c.ChampionVersion})" : "")}");

    private static void Print(ChampionComparison? comparison)
    {
        if (comparison is null) return;
        foreach (var line in ChampionComparisonText.Lines(comparison)) Console.WriteLine(line);
    }
}
