using Forecaster.Modeling.Registry;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>`forecaster train` and `forecaster models promote --store` as a user runs them, on a real store file.</summary>
public class CliModelsPromoteTests
{
    [Fact]
    public async Task TrainAndPromote_MeasureAnotherMethodOnTheSameHours_AndRefuseItWhenWorse()
    {
        using var temp = new TempDirectory("cli");
        var ct = TestContext.Current.CancellationToken;
        await using (var store = await RetrainingMarkets.OpenAsync(temp.File("s.duckdb"), days: 240, ct))
        {
            // Champion v1: the first-passage probability, which on these hours ranks better than the default logistic
            // model `forecaster train` fits.
            var registry = new ModelRegistry(temp.File("models"));
            await new RetrainingService(store, registry, options: ChampionComparisonTests.FirstPassage, codeVersion: RetrainingMarkets.Code).RunAsync(cancellationToken: ct);
        }

        var train = await ForecasterProcess.RunAsync(temp.Path, "train", "--store", "s.duckdb", "--models", "models");

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("registered shortfall v2", train.Output);
        Assert.Contains("shortfall v2 is not champion (SameHours: on the same hours", train.Output);
        Assert.Contains("re-running champion v1's method walk-forward on the challenger's hours", train.Error);
        Assert.Contains("challenger - champion v1 [90%]", train.Error);

        var promote = await ForecasterProcess.RunAsync(temp.Path, "models", "promote", "shortfall", "2", "--store", "s.duckdb", "--models", "models");

        Assert.Equal(1, promote.ExitCode);
        Assert.StartsWith("on the same hours", promote.Output);
        Assert.Contains("challenger - champion v1 [90%]", promote.Output);
        var error = promote.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("error: shortfall v2: on the same hours", error);
        Assert.Contains("does not beat champion v1's method re-run there", error);
        Assert.Equal("1", File.ReadAllText(temp.File(Path.Combine("models", "shortfall", "champion"))).Trim());

        // Forced, it takes over whatever the comparison says.
        var forced = await ForecasterProcess.RunAsync(temp.Path, "models", "promote", "shortfall", "2", "--store", "s.duckdb", "--models", "models", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("shortfall v2 is now champion", forced.Output);

        // Every decision is in the promotion log, the refusals too, with what decided and on what grounds.
        var log = new ModelRegistry(temp.File("models")).History("shortfall");
        Assert.Equal(
            new (int, int?, int?, bool, bool, PromotionDecider, ComparisonBasis?)[]
            {
                (1, null, 1, true, false, PromotionDecider.Train, null),
                (2, 1, 1, false, false, PromotionDecider.Train, ComparisonBasis.SameHours),
                (2, 1, 1, false, false, PromotionDecider.PromoteCommand, ComparisonBasis.SameHours),
                (2, 1, 2, true, true, PromotionDecider.PromoteCommand, null),
            },
            log.Select(d => (d.Version, d.ChampionBefore, d.ChampionAfter, d.Promoted, d.Forced, d.DecidedBy, d.Comparison?.Basis)).ToArray());
        Assert.Equal(("first-passage", "logistic"), (log[0].Method, log[1].Method));
        Assert.Equal(log[1].Comparison!.Summary, log[1].Verdict);
        Assert.StartsWith("on the same hours", log[2].Verdict);
        Assert.Contains(log[2].Verdict, promote.Error);
        Assert.Equal("forced over champion v1", log[3].Verdict);
    }

    [Fact]
    public async Task ModelsPromote_ExitsWithOneLineNamingThePath_WhenTheStoreDoesNotExist()
    {
        using var temp = new TempDirectory("cli");

        var result = await ForecasterProcess.RunAsync(temp.Path, "models", "promote", "shortfall", "1", "--store", "nothere.duckdb", "--models", "models");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: --store: no store at {temp.File("nothere.duckdb")}.", line);
        Assert.False(File.Exists(temp.File("nothere.duckdb")), "a missing store must not be created");
    }
}
