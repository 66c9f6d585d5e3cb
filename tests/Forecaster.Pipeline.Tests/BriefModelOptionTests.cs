using System.Text.Json;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>`forecaster brief --model baseline|champion`: which risk model fills the brief, and training a champion when none exists.</summary>
public class BriefModelOptionTests
{
    [Fact]
    public async Task Brief_TrainsAndUsesAChampion_WhenAskedForOneAndTheRegistryIsEmpty()
    {
        using var temp = new TempDirectory("cli-model");
        var simulate = await ForecasterProcess.RunAsync(temp.Path, "simulate", "--markets", "3", "--days", "240", "--store", "s.duckdb");
        Assert.Equal(0, simulate.ExitCode);

        var brief = await ForecasterProcess.RunAsync(temp.Path, "brief", "--store", "s.duckdb", "--out", "reports", "--model", "champion", "--models", "models");

        Assert.True(brief.ExitCode == 0, brief.Error);
        Assert.Contains("No champion in models: training one", brief.Error);
        Assert.True(File.Exists(temp.File(Path.Combine("models", "shortfall", "1", "card.json"))), "a trained version in the registry");
        var json = Directory.GetFiles(temp.File("reports"), "brief.json", SearchOption.AllDirectories).Single();
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var methods = document.RootElement.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ToArray();
        Assert.Equal(3, methods.Length);
        Assert.All(methods, m => Assert.StartsWith("early-warning model shortfall v1", m));

        // The default stays the baseline, and a second champion brief reuses the registered model instead of training.
        var baseline = await ForecasterProcess.RunAsync(temp.Path, "brief", "--store", "s.duckdb", "--out", "again", "--models", "models");
        Assert.Equal(0, baseline.ExitCode);
        var again = Directory.GetFiles(temp.File("again"), "brief.json", SearchOption.AllDirectories).Single();
        Assert.DoesNotContain("early-warning model", await File.ReadAllTextAsync(again, TestContext.Current.CancellationToken));
        var reuse = await ForecasterProcess.RunAsync(temp.Path, "brief", "--store", "s.duckdb", "--out", "third", "--model", "champion", "--models", "models");
        Assert.Equal(0, reuse.ExitCode);
        Assert.DoesNotContain("training one", reuse.Error);
        Assert.False(Directory.Exists(temp.File(Path.Combine("models", "shortfall", "2"))), "no second version trained");
    }

    [Fact]
    public async Task Brief_RejectsAnUnknownModel_NamingTheOption()
    {
        using var temp = new TempDirectory("cli-model");

        var result = await ForecasterProcess.RunAsync(temp.Path, "brief", "--store", "s.duckdb", "--model", "magic");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --model: 'magic' is not a model; use baseline or champion.", result.Error.Trim());
    }
}
