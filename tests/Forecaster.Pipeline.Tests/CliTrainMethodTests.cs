using System.Text.Json;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Registry;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>`forecaster train --method NAME` and the weekly job's method, as a user and the service run them, on a real store file.</summary>
public class CliTrainMethodTests
{
    [Fact]
    public async Task TrainMethod_FitsThatMethod_RecordsIt_AndMeetsTheChampionsMethodReRunOnTheSameHours()
    {
        using var temp = new TempDirectory("cli");
        var ct = TestContext.Current.CancellationToken;
        await (await RetrainingMarkets.OpenAsync(temp.File("s.duckdb"), days: 240, ct)).DisposeAsync();

        var first = await ForecasterProcess.RunAsync(temp.Path, "train", "--store", "s.duckdb", "--models", "models");
        var second = await ForecasterProcess.RunAsync(temp.Path, "train", "--store", "s.duckdb", "--models", "models", "--method", "first-passage");
        var list = await ForecasterProcess.RunAsync(temp.Path, "models", "list", "--models", "models");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("registered shortfall v1 (logistic)", first.Output);
        Assert.Contains("registered shortfall v2 (first-passage)", second.Output);
        var registry = new ModelRegistry(temp.File("models"));
        var champion = registry.ReadCard(ModelRegistry.DefaultName, 1);
        var challenger = registry.ReadCard(ModelRegistry.DefaultName, 2);
        // The card records the method's name and its very options; the default is what `train` always fitted.
        Assert.Equal(("logistic", "first-passage"), (champion.Method, challenger.Method));
        Assert.Equal(JsonSerializer.Serialize(new EarlyWarningModelOptions()), JsonSerializer.Serialize(champion.Options.Model));
        Assert.Equal(JsonSerializer.Serialize(EarlyWarningMethods.Find("first-passage").Options), JsonSerializer.Serialize(challenger.Options.Model));
        Assert.Equal(ShortfallLearner.FirstPassage, challenger.Options.Model.Learner);
        Assert.Contains("- Model: method first-passage: first-passage probability", File.ReadAllText(temp.File(Path.Combine("models", "shortfall", "2", "card.md"))));
        // Another method: the champion's method (the default logistic) is re-run on the same hours, and reproduces v1's own walk-forward there.
        Assert.Contains("re-running champion v1's method walk-forward on the challenger's hours", second.Error);
        var against = Assert.IsType<ChampionComparison>(challenger.AgainstChampion);
        Assert.Equal(ComparisonBasis.SameHours, against.Basis);
        Assert.Equal(champion.Metrics, against.Champion);
        Assert.Equal(challenger.Metrics, against.Challenger);
        Assert.NotEqual(against.Champion.AucPr, against.Challenger.AucPr);

        var log = registry.History(ModelRegistry.DefaultName);
        Assert.Equal(2, log.Count);
        Assert.Equal((1, "logistic", (int?)null, (int?)1, true, false, PromotionDecider.Train, "no champion to beat"),
            (log[0].Version, log[0].Method, log[0].ChampionBefore, log[0].ChampionAfter, log[0].Promoted, log[0].Forced, log[0].DecidedBy, log[0].Verdict));
        var after = against.ChallengerWins ? 2 : 1;
        Assert.Equal((2, "first-passage", (int?)1, (int?)after, against.ChallengerWins, false, PromotionDecider.Train, against.Summary),
            (log[1].Version, log[1].Method, log[1].ChampionBefore, log[1].ChampionAfter, log[1].Promoted, log[1].Forced, log[1].DecidedBy, log[1].Verdict));
        Assert.Equal(against, log[1].Comparison);
        Assert.Equal(after, registry.Champion(ModelRegistry.DefaultName));

        Assert.Equal(0, list.ExitCode);
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{(after == 1 ? "*" : " ")} shortfall v1  logistic  ", lines[0]);
        Assert.EndsWith($"  promoted by Train {log[0].TimeUtc:yyyy-MM-dd HH:mm}", lines[0]);
        Assert.StartsWith($"{(after == 2 ? "*" : " ")} shortfall v2  first-passage  ", lines[1]);
        Assert.EndsWith($"  {(against.ChallengerWins ? "promoted" : "rejected")} by Train {log[1].TimeUtc:yyyy-MM-dd HH:mm} (SameHours vs v1)", lines[1]);
    }

    [Fact]
    public async Task TrainMethod_RefusesAnUnknownName_InOneLineWithExitTwo_WritingNothing()
    {
        using var temp = new TempDirectory("cli");

        var result = await ForecasterProcess.RunAsync(temp.Path, "train", "--store", "s.duckdb", "--models", "models", "--method", "hazard");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: --method: unknown method 'hazard'; valid: {string.Join(", ", EarlyWarningMethods.All.Select(m => m.Name))}.", line);
        Assert.Empty(result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task ModelsMethods_ListsTheCatalog_WithTheDefaultMarked()
    {
        using var temp = new TempDirectory("cli");

        var result = await ForecasterProcess.RunAsync(temp.Path, "models", "methods");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(EarlyWarningMethods.All.Count, lines.Length);
        Assert.StartsWith("* logistic ", lines[0]);
        foreach (var (line, method) in lines.Zip(EarlyWarningMethods.All))
        {
            Assert.StartsWith(method.Name == EarlyWarningMethods.DefaultName ? "* " : "  ", line);
            Assert.Equal(method.Name, line[2..].Split(' ')[0]);
            Assert.EndsWith("  " + method.Description, line);
        }
    }

    [Fact]
    public async Task RetrainJob_TrainsItsConfiguredMethod_AndLogsItsDecision()
    {
        using var temp = new TempDirectory("retrain");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await RetrainingMarkets.OpenAsync(temp.File("s.duckdb"), days: 240, ct);
        var options = new JobsOptions { ModelsDirectory = temp.File("models"), RetrainMethod = "first-passage", WorkerName = "test" };
        var ledger = new InMemoryStageLedger();
        var clock = new StageClock(TimeProvider.System, options);
        var started = DateTimeOffset.UtcNow;

        await new RetrainModelsJob(store, ledger, clock, options).RunAsync(ct);

        var registry = new ModelRegistry(options.ModelsDirectory);
        var card = registry.ReadCard(ModelRegistry.DefaultName, 1);
        Assert.Equal("first-passage", card.Method);
        Assert.Equal(ShortfallLearner.FirstPassage, card.Options.Model.Learner);
        var decision = Assert.Single(registry.History(ModelRegistry.DefaultName));
        Assert.Equal(new PromotionDecision(decision.TimeUtc, 1, "first-passage", null, 1, true, false, PromotionDecider.RetrainJob, "no champion to beat", null), decision);
        Assert.InRange(decision.TimeUtc, started, DateTimeOffset.UtcNow);
        var record = Assert.Single(await ledger.ListAsync(PipelineStages.Retrain, Markets.HourlyGrid.Floor(started), ct));
        Assert.Equal("first-passage", JsonDocument.Parse(record.Payload).RootElement.GetProperty("method").GetString());
    }
}
