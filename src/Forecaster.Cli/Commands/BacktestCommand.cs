using System.CommandLine;
using System.Globalization;
using Forecaster.EarlyWarning;
using Forecaster.Ingest.Snapshots;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;

namespace Forecaster.Cli.Commands;

/// <summary>
/// <c>forecaster backtest --train FILE... [--test FILE...] [--horizon 24] [--shortfall-utilization 0.98] [--alert-budget 0.02] [--json FILE]
/// [--bootstrap-resamples 2000] [--bootstrap-seed 1] [--bootstrap-json FILE] [--calibration-json FILE] [--calibration-chart FILE.png|svg]
/// [--recalibrate]</c>:
/// walk-forward (or train/test) evaluation of the early-warning model against the threshold rule, with 90% intervals
/// from a paired block bootstrap and the Brier score's decomposition printed under the table.
/// </summary>
public static class BacktestCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var train = new Option<string[]>("--train") { Description = "Snapshot files (CSV, CSV.gz, Parquet) to fit on; without --test, walk-forward on them", Required = true, AllowMultipleArgumentsPerToken = true };
        var test = new Option<string[]>("--test") { Description = "Snapshot files to evaluate on after fitting on all --train files", AllowMultipleArgumentsPerToken = true };
        var horizon = new Option<int>("--horizon") { Description = "Target horizon in hours, 1 to 720", DefaultValueFactory = _ => (int)ShortfallDefinition.Defaults.Horizon.TotalHours };
        var level = new Option<double>("--shortfall-utilization") { Description = "Utilization of a shortfall hour, in (0, 1]", DefaultValueFactory = _ => ShortfallDefinition.Defaults.ShortfallUtilization };
        var budget = new Option<double>("--alert-budget") { Description = "Share of training hours (not in shortfall) alerts may be on, in (0, 0.5]", DefaultValueFactory = _ => ShortfallDefinition.Defaults.AlertBudget };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON to this file" };
        var resamples = new Option<int>("--bootstrap-resamples") { Description = "Paired block bootstrap resamples for the 90% intervals, 0 to skip", DefaultValueFactory = _ => BootstrapOptions.Defaults.Resamples };
        var seed = new Option<int>("--bootstrap-seed") { Description = "Seed of the bootstrap's block draws", DefaultValueFactory = _ => BootstrapOptions.Defaults.Seed };
        // A separate file: the --json file's keys are fixed by the issue.
        var bootstrapJson = new Option<string?>("--bootstrap-json") { Description = "Write the bootstrap intervals as JSON to this file" };
        var calibrationJson = new Option<string?>("--calibration-json") { Description = "Write the Brier decompositions and reliability tables as JSON to this file" };
        var calibrationChart = new Option<string?>("--calibration-chart") { Description = "Draw the reliability diagram of the model and the rule to this .png or .svg file" };
        var recalibrate = new Option<bool>("--recalibrate") { Description = "Platt-recalibrate the model's probabilities fold by fold on earlier folds' known outcomes (alerts unchanged)" };
        var command = new Command("backtest", "Backtest the shortfall early warning (model vs threshold rule) on snapshot files.")
        {
            train, test, horizon, level, budget, json, resamples, seed, bootstrapJson, calibrationJson, calibrationChart, recalibrate,
        };

        CommandAction.Set(command, async (parse, ct) =>
        {
            var options = new BacktestOptions
            {
                Definition = new ShortfallDefinition
                {
                    Horizon = TimeSpan.FromHours(parse.GetValue(horizon)),
                    ShortfallUtilization = parse.GetValue(level),
                    AlertBudget = parse.GetValue(budget),
                },
                Bootstrap = new BootstrapOptions { Resamples = parse.GetValue(resamples), Seed = parse.GetValue(seed) },
                Recalibrate = parse.GetValue(recalibrate),
            };
            if (options.Bootstrap.Resamples == 0 && parse.GetValue(bootstrapJson) is { Length: > 0 })
                throw new ForecasterException("--bootstrap-json needs --bootstrap-resamples above 0.");
            options.Validate();
            var calibrationFiles = new CalibrationFiles(parse.GetValue(calibrationJson), parse.GetValue(calibrationChart));
            var trainMarkets = await ReadAsync(parse.GetValue(train) ?? [], "--train", ct);
            var testFiles = parse.GetValue(test) ?? [];
            var testMarkets = testFiles.Length > 0 ? await ReadAsync(testFiles, "--test", ct) : null;
            var progress = new SynchronousProgress(Console.Error.WriteLine);
            var result = testMarkets is null
                ? EarlyWarningBacktest.WalkForward(trainMarkets, options, progress, ct)
                : EarlyWarningBacktest.TrainTest(trainMarkets, testMarkets, options, progress);
            var mode = testMarkets is null ? "walk-forward" : "train/test";
            Print(result, mode);
            calibrationFiles.PrintAndWrite(result, mode);
            if (parse.GetValue(json) is { Length: > 0 } path)
            {
                BacktestJsonWriter.Write(result, path);
                Console.WriteLine($"json {Path.GetFullPath(path)}");
            }
            if (parse.GetValue(bootstrapJson) is { Length: > 0 } bootstrapPath && result.Uncertainty is { } uncertainty)
            {
                WarningComparisonJson.Write(uncertainty, bootstrapPath);
                Console.WriteLine($"bootstrap json {Path.GetFullPath(bootstrapPath)}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>Reads and cleans snapshot files strictly, one market per file name (the ingest command's rules).</summary>
    /// <exception cref="ForecasterException">A file is missing, malformed or two files name the same market.</exception>
    internal static async Task<IReadOnlyList<MarketHistory>> ReadAsync(IReadOnlyList<string> files, string option, CancellationToken ct)
    {
        if (files.Count == 0) throw new ForecasterException($"{option}: give at least one snapshot file.");
        var names = new HashSet<string>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new ForecasterException($"{option}: snapshot file not found: {file}");
            // The loader would merge two files of one market; a backtest wants each file to be its own market.
            var name = SnapshotFileLoader.MarketNameOf(file);
            if (!names.Add(name)) throw new ForecasterException($"{option}: two files name market '{name}': {file}");
        }
        var markets = new List<MarketHistory>();
        foreach (var loaded in await SnapshotFileLoader.LoadAsync(files, cancellationToken: ct))
        {
            if (loaded.Hours.Count == 0) throw new ForecasterException($"{option}: {loaded.Files[0]} has no hours after cleaning.");
            markets.Add(new MarketHistory(loaded.Market.Name, loaded.Hours));
        }
        return markets;
    }

    private static void Print(BacktestResult result, string mode)
    {
        Console.WriteLine($"{mode} backtest, {result.Refits} fit(s), evaluated {result.FirstEvaluated:yyyy-MM-dd} to {result.LastEvaluated:yyyy-MM-dd}");
        Console.WriteLine($"{"",-16}{"episodes",9}{"detected",9}{"recall",8}{"lead(h)",8}{"alerts",8}{"prec24h",8}{"aucPr",8}{"brierSk",8}");
        Row("model", result.Model.Summary);
        Row("threshold rule", result.ThresholdRule.Summary);
        foreach (var market in result.Model.Markets) Row("  " + market.Name, market.Summary);
        if (result.Uncertainty is { } uncertainty)
            foreach (var line in WarningComparisonText.Lines(uncertainty)) Console.WriteLine(line);
        Console.WriteLine($"liquidity 24 h: MASE {F(result.Mase24h)} (vs persistence), 90% interval coverage {F(result.Coverage90)}");
        foreach (var market in result.Model.Markets)
            foreach (var e in market.Episodes)
                Console.WriteLine($"  {market.Name} episode {e.Start:yyyy-MM-dd HH:mm}: {(e.Detected ? $"detected, lead {e.LeadHours} h" : "missed")}");
    }

    private static void Row(string name, WarningSummary s) =>
        Console.WriteLine($"{name,-16}{s.Episodes,9}{s.Detected,9}{F(s.Recall),8}{F(s.MedianLeadHours),8}{F(s.AlertShare),8}{F(s.Precision24h),8}{F(s.AucPr),8}{F(s.BrierSkill),8}");

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}
