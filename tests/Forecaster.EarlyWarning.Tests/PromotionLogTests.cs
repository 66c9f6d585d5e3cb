using Forecaster.Modeling.Persistence;
using Forecaster.Modeling.Registry;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>The promotion log: every decision of <see cref="ModelRegistry.Promote"/>, a refusal too, appended per model name.</summary>
public sealed class PromotionLogTests
{
    private static ModelCard Card(double aucPr, double recall) => ModelRegistryTests.Card(aucPr, recall);

    // v1 promoted (one line logged) and a v2 whose card beats it: promoting v2 would succeed but for the log.
    private static (ModelRegistry Registry, string LogPath) ChampionAndBetterChallenger(TempDirectory folder)
    {
        var registry = new ModelRegistry(folder.Path);
        var model = ModelRegistryTests.Fitted.Value.Model;
        registry.Save("shortfall", model, Card(aucPr: 0.5, recall: 0.8));
        registry.Save("shortfall", model, Card(aucPr: 0.6, recall: 0.9));
        registry.Promote("shortfall", 1);
        return (registry, Path.Combine(folder.Path, "shortfall", PromotionLog.FileName));
    }

    [Fact]
    public void Promote_AppendsEveryDecision_WithWhatWhoAndOnWhatGrounds()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var model = ModelRegistryTests.Fitted.Value.Model;
        var first = registry.Save("shortfall", model, Card(aucPr: 0.5, recall: 0.8) with { Method = "first-passage" });
        var worse = registry.Save("shortfall", model, Card(aucPr: 0.4, recall: 0.9) with { CodeVersion = "other" });
        var before = DateTimeOffset.UtcNow;

        registry.Promote("shortfall", first.Version, decidedBy: PromotionDecider.Train);
        var refusal = Assert.Throws<ChallengerRejectedException>(() => registry.Promote("shortfall", worse.Version));
        registry.Promote("shortfall", worse.Version, force: true);

        var log = registry.History("shortfall");
        Assert.Equal(3, log.Count);
        Assert.All(log, d => Assert.InRange(d.TimeUtc, before, DateTimeOffset.UtcNow));
        Assert.Equal(new PromotionDecision(log[0].TimeUtc, 1, "first-passage", null, 1, true, false, PromotionDecider.Train, "no champion to beat", null), log[0]);
        var rejected = log[1];
        Assert.Equal((2, (string?)null, (int?)1, (int?)1, false, false, PromotionDecider.PromoteCommand),
            (rejected.Version, rejected.Method, rejected.ChampionBefore, rejected.ChampionAfter, rejected.Promoted, rejected.Forced, rejected.DecidedBy));
        var comparison = Assert.IsType<ChampionComparison>(rejected.Comparison);
        Assert.Equal((ComparisonBasis.CardFigures, 1, false), (comparison.Basis, comparison.ChampionVersion, comparison.ChallengerWins));
        Assert.Equal((0.4, 0.5), (comparison.Challenger.AucPr, comparison.Champion.AucPr));
        Assert.Equal(comparison.Summary, rejected.Verdict);
        Assert.Contains(comparison.Summary, refusal.Message);
        Assert.Equal(new PromotionDecision(log[2].TimeUtc, 2, null, 1, 2, true, true, PromotionDecider.PromoteCommand, "forced over champion v1", null), log[2]);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(folder.Path, "shortfall", PromotionLog.FileName)).Length);
    }

    [Fact]
    public void History_NamesTheFileAndLine_AndPromoteChangesNothing_WhenALineIsCorrupt()
    {
        using var folder = new TempDirectory();
        var (registry, path) = ChampionAndBetterChallenger(folder);
        // A write cut short: the second line stops mid-object.
        File.AppendAllText(path, File.ReadAllText(path)[..40] + "\n");
        var written = File.ReadAllText(path);

        var e = Assert.Throws<ModelFormatException>(() => registry.History("shortfall"));
        var promote = Assert.Throws<ModelFormatException>(() => registry.Promote("shortfall", 2));

        Assert.StartsWith($"{path} line 2: not a promotion decision (", e.Message);
        Assert.Equal(e.Message, promote.Message);
        Assert.Equal(1, registry.Champion("shortfall"));
        Assert.Equal(written, File.ReadAllText(path));
    }

    [Fact]
    public void History_RefusesALineMissingAField()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        registry.Save("shortfall", ModelRegistryTests.Fitted.Value.Model, Card(aucPr: 0.5, recall: 0.8));
        registry.Promote("shortfall", 1);
        var path = Path.Combine(folder.Path, "shortfall", PromotionLog.FileName);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.True(json.Remove("DecidedBy"));
        File.AppendAllText(path, json.ToJsonString() + "\n");

        var e = Assert.Throws<ModelFormatException>(() => registry.History("shortfall"));

        Assert.StartsWith($"{path} line 2: not a promotion decision (", e.Message);
        Assert.Contains("DecidedBy", e.Message);
    }

    [Fact]
    public void Promote_LeavesTheChampionUnchanged_WhenTheLogCannotBeWritten()
    {
        using var folder = new TempDirectory();
        var (registry, path) = ChampionAndBetterChallenger(folder);
        // A folder where the log should be: appending to it fails as a full disk or a read-only file would.
        File.Delete(path);
        Directory.CreateDirectory(path);

        var e = Assert.Throws<ForecasterException>(() => registry.Promote("shortfall", 2));

        Assert.StartsWith($"{path}: cannot append the promotion decision (", e.Message);
        Assert.Equal(1, registry.Champion("shortfall"));
        Assert.False(File.Exists(Path.Combine(folder.Path, "shortfall", "champion.tmp")));
    }
}
