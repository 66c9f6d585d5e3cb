using System.CommandLine;
using Forecaster.Modeling.Evaluation.Nab;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster evaluate nab --nab-dir DIR [--detector NAME] [--json FILE]</c>: scores a detector on NAB.</summary>
public static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("evaluate", "Evaluate models on public benchmarks.");
        command.Subcommands.Add(Nab());
        return command;
    }

    private static Command Nab()
    {
        var nabDir = new Option<string>("--nab-dir") { Description = "NAB root holding data/, labels/, config/ (e.g. ../shared/data/nab)", Required = true };
        var detector = new Option<string>("--detector") { Description = $"Detector: {string.Join(", ", NabDetectors.Names)}", DefaultValueFactory = _ => NabDetectors.Names[0] };
        var json = new Option<string?>("--json") { Description = "Also write the scores as JSON to this file" };
        var command = new Command("nab", "Run a detector over the 58 NAB series and print its NAB scores beside the published detectors.") { nabDir, detector, json };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var root = parse.GetValue(nabDir)!;
            var chosen = NabDetectors.Create(parse.GetValue(detector)!);
            var corpus = NabCorpus.Load(root);
            var profilesPath = Path.Combine(root, "config", "profiles.json");
            var profiles = File.Exists(profilesPath) ? NabProfile.Load(profilesPath) : NabProfile.All;
            var evaluation = await CommandAction.WithProgressAsync($"running {chosen.Name} over {corpus.Count} NAB series",
                _ => Task.Run(() => NabEvaluator.Evaluate(chosen, corpus, profiles, ct), ct));
            NabReport.WriteTable(evaluation, NabReport.LoadPublished(Path.Combine(root, "final_results.json")), Console.Out);
            if (parse.GetValue(json) is { Length: > 0 } path)
            {
                NabReport.WriteJson(evaluation, path);
                Console.WriteLine($"scores written to {path}");
            }
            return 0;
        });
        return command;
    }
}
