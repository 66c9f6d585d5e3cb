using System.CommandLine;
using Forecaster.Modeling.TimeSeries.Data;
using Forecaster.Modeling.TimeSeries.Iid;
using Forecaster.Modeling.TimeSeries.RelativeEntropy;
using Forecaster.Modeling.TimeSeries.SpectralResidual;
using Forecaster.Modeling.TimeSeries.Ssa;

namespace Forecaster.Cli.Commands;

/// <summary>
/// <c>forecaster ts ssa|sr|spike|changepoint|relative-entropy --input CSV [--column NAME] [options]</c>: one algorithm over one series,
/// CSV to standard output. Reading and validation live in Forecaster.Modeling (SeriesCsvReader, the options' Validate).
/// </summary>
public static class TimeSeriesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("ts", "Run a time-series model over one series of a CSV and write CSV to standard output.");
        command.Subcommands.Add(Ssa());
        command.Subcommands.Add(Sr());
        command.Subcommands.Add(Spike());
        command.Subcommands.Add(ChangePoint());
        command.Subcommands.Add(RelativeEntropy());
        return command;
    }

    private static Option<string> Input() => new("--input") { Description = "CSV with a header: a value column and optionally a timestamp", Required = true };

    private static Option<string?> Column() => new("--column") { Description = "Value column (default: the only non-timestamp column)" };

    private static Command Ssa()
    {
        var (input, column) = (Input(), Column());
        var window = new Option<int>("--window-size") { Description = "Embedding window L, 2 to train-size/2", DefaultValueFactory = _ => SsaForecasterOptions.Defaults.WindowSize };
        var length = new Option<int>("--series-length") { Description = "Observation buffer, above window-size", DefaultValueFactory = _ => SsaForecasterOptions.Defaults.SeriesLength };
        var train = new Option<int>("--train-size") { Description = "Leading points used to fit, at least 2*window-size", DefaultValueFactory = _ => SsaForecasterOptions.Defaults.TrainSize };
        var horizon = new Option<int>("--horizon") { Description = "Steps to forecast after the last row, at least 1", DefaultValueFactory = _ => SsaForecasterOptions.Defaults.Horizon };
        var confidence = new Option<double>("--confidence") { Description = "Interval coverage, in (0, 1)", DefaultValueFactory = _ => SsaForecasterOptions.Defaults.ConfidenceLevel };
        var command = new Command("ssa", "SSA forecast after the series: index,forecast,lower,upper.") { input, column, window, length, train, horizon, confidence };
        CommandAction.Set(command, (parse, _) =>
        {
            var options = new SsaForecasterOptions
            {
                WindowSize = parse.GetValue(window), SeriesLength = parse.GetValue(length), TrainSize = parse.GetValue(train),
                Horizon = parse.GetValue(horizon), ConfidenceLevel = parse.GetValue(confidence),
            };
            options.Validate();
            TimeSeriesCsvWriter.WriteSsa(SeriesCsvReader.Read(parse.GetValue(input)!, parse.GetValue(column)), options, Console.Out);
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Sr()
    {
        var (input, column) = (Input(), Column());
        var window = new Option<int>("--window-size") { Description = "Sliding window, 8 to 100000", DefaultValueFactory = _ => SrCnnOptions.Defaults.WindowSize };
        var backAdd = new Option<int>("--back-add") { Description = "Extrapolated points appended, 1 to window-size", DefaultValueFactory = _ => SrCnnOptions.Defaults.BackAddWindowSize };
        var lookahead = new Option<int>("--lookahead") { Description = "Points behind the extrapolation, 1 to window-size-1", DefaultValueFactory = _ => SrCnnOptions.Defaults.LookaheadWindowSize };
        var averaging = new Option<int>("--averaging") { Description = "Log-spectrum average width, 1 to window-size", DefaultValueFactory = _ => SrCnnOptions.Defaults.AveragingWindowSize };
        var judgement = new Option<int>("--judgement") { Description = "Preceding saliency values judged against, 1 to window-size-1", DefaultValueFactory = _ => SrCnnOptions.Defaults.JudgementWindowSize };
        var threshold = new Option<double>("--threshold") { Description = "Raw-score alert threshold, 0 to 100", DefaultValueFactory = _ => SrCnnOptions.Defaults.Threshold };
        var batch = new Option<int?>("--batch") { Description = "Score the whole series in batches of this size (-1: one batch) instead of streaming" };
        var sensitivity = new Option<double>("--sensitivity") { Description = "With --batch: margin sensitivity, 0 to 100", DefaultValueFactory = _ => SrBatchOptions.Defaults.Sensitivity };
        var command = new Command("sr", "Spectral-residual anomalies: index,alert,score,magnitude (with --batch also expected,lower,upper).")
            { input, column, window, backAdd, lookahead, averaging, judgement, threshold, batch, sensitivity };
        CommandAction.Set(command, (parse, _) =>
        {
            var inputPath = parse.GetValue(input)!;
            if (parse.GetValue(batch) is { } batchSize)
            {
                var batchOptions = new SrBatchOptions { BatchSize = batchSize, Sensitivity = parse.GetValue(sensitivity), Threshold = parse.GetValue(threshold) };
                batchOptions.Validate();
                TimeSeriesCsvWriter.WriteSrBatch(SeriesCsvReader.Read(inputPath, parse.GetValue(column)), batchOptions, Console.Out);
                return Task.FromResult(0);
            }
            var options = new SrCnnOptions
            {
                WindowSize = parse.GetValue(window), BackAddWindowSize = parse.GetValue(backAdd), LookaheadWindowSize = parse.GetValue(lookahead),
                AveragingWindowSize = parse.GetValue(averaging), JudgementWindowSize = parse.GetValue(judgement), Threshold = parse.GetValue(threshold),
            };
            options.Validate();
            TimeSeriesCsvWriter.WriteSr(SeriesCsvReader.Read(inputPath, parse.GetValue(column)), options, Console.Out);
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Spike()
    {
        var (input, column) = (Input(), Column());
        var confidence = new Option<double>("--confidence") { Description = "Confidence in percent, in (0, 100)", DefaultValueFactory = _ => IidSpikeOptions.Defaults.Confidence };
        var history = new Option<int>("--history") { Description = "Past points the density is estimated from, 3 to 100000", DefaultValueFactory = _ => IidSpikeOptions.Defaults.PValueHistoryLength };
        var command = new Command("spike", "IID spikes: index,alert,score (the value),pvalue.") { input, column, confidence, history };
        CommandAction.Set(command, (parse, _) =>
        {
            var options = new IidSpikeOptions { Confidence = parse.GetValue(confidence), PValueHistoryLength = parse.GetValue(history) };
            options.Validate();
            TimeSeriesCsvWriter.WriteSpike(SeriesCsvReader.Read(parse.GetValue(input)!, parse.GetValue(column)), options, Console.Out);
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command ChangePoint()
    {
        var (input, column) = (Input(), Column());
        var confidence = new Option<double>("--confidence") { Description = "Confidence in percent, in (0, 100)", DefaultValueFactory = _ => IidChangePointOptions.Defaults.Confidence };
        var history = new Option<int>("--history") { Description = "Density history and martingale window, 3 to 100000", DefaultValueFactory = _ => IidChangePointOptions.Defaults.ChangeHistoryLength };
        var command = new Command("changepoint", "IID change points: index,alert,score (the martingale),pvalue.") { input, column, confidence, history };
        CommandAction.Set(command, (parse, _) =>
        {
            var options = new IidChangePointOptions { Confidence = parse.GetValue(confidence), ChangeHistoryLength = parse.GetValue(history) };
            options.Validate();
            TimeSeriesCsvWriter.WriteChangePoint(SeriesCsvReader.Read(parse.GetValue(input)!, parse.GetValue(column)), options, Console.Out);
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command RelativeEntropy()
    {
        var (input, column) = (Input(), Column());
        var window = new Option<int>("--window-size") { Description = "Values per histogram, 4 to 100000", DefaultValueFactory = _ => RelativeEntropyOptions.Defaults.WindowSize };
        var bins = new Option<int>("--bins") { Description = "Equal-width histogram bins over the range seen so far, 2 to 1000", DefaultValueFactory = _ => RelativeEntropyOptions.Defaults.BinCount };
        var confidence = new Option<double>("--confidence") { Description = "Confidence of the chi-squared test in percent, in (0, 100)", DefaultValueFactory = _ => RelativeEntropyOptions.Defaults.Confidence };
        var suppression = new Option<int>("--suppression") { Description = "Rows without an alert after an alert, 0 to 1000000", DefaultValueFactory = _ => RelativeEntropyOptions.Defaults.SuppressionLength };
        var hypotheses = new Option<int>("--max-hypotheses") { Description = "Distributions remembered, 1 to 100000", DefaultValueFactory = _ => RelativeEntropyOptions.Defaults.MaxHypotheses };
        var command = new Command("relative-entropy", "Relative-entropy anomalies: index,alert,score (G statistic),pvalue.")
            { input, column, window, bins, confidence, suppression, hypotheses };
        CommandAction.Set(command, (parse, _) =>
        {
            var options = new RelativeEntropyOptions
            {
                WindowSize = parse.GetValue(window), BinCount = parse.GetValue(bins), Confidence = parse.GetValue(confidence),
                SuppressionLength = parse.GetValue(suppression), MaxHypotheses = parse.GetValue(hypotheses),
            };
            options.Validate();
            TimeSeriesCsvWriter.WriteRelativeEntropy(SeriesCsvReader.Read(parse.GetValue(input)!, parse.GetValue(column)), options, Console.Out);
            return Task.FromResult(0);
        });
        return command;
    }
}
