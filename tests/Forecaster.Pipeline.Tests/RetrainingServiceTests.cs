using Forecaster.Modeling.Registry;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>Weekly retraining (and `forecaster train`): a challenger is always trained and saved, but becomes champion only when it beats the champion.</summary>
public class RetrainingServiceTests
{
    [Fact]
    public async Task Challenger_IsPromotedOnlyWhenItBeatsTheChampion()
    {
        using var temp = new TempDirectory("retrain");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await RetrainingMarkets.OpenAsync(temp.File("s.duckdb"), days: 240, ct);
        var registry = new ModelRegistry(temp.File("models"));
        // Equal options and a known code: each retraining is the champion's method refit (ChampionComparisonTests covers
        // other methods, measured on the same hours).
        var service = new RetrainingService(store, registry, codeVersion: RetrainingMarkets.Code);

        // No champion yet: the first model becomes champion.
        var first = await service.RunAsync(cancellationToken: ct);
        Assert.Equal(1, first.Challenger.Version);
        Assert.Null(first.PreviousChampion);
        Assert.True(first.Promoted);
        Assert.Equal(1, registry.Champion(ModelRegistry.DefaultName));

        // Retrained on the same data by the same method: saved as v2, the same fit again, and it takes over (nothing changes).
        var second = await service.RunAsync(cancellationToken: ct);
        Assert.Equal(2, second.Challenger.Version);
        Assert.Equal(first.Challenger.Metrics, second.Challenger.Metrics);
        Assert.True(second.Promoted, second.Rejection);
        Assert.Equal(ComparisonBasis.SameMethod, second.Challenger.AgainstChampion?.Basis);
        Assert.Contains("same data window", second.Challenger.AgainstChampion!.Summary);
        Assert.Equal(2, registry.Champion(ModelRegistry.DefaultName));

        // A champion whose card says it ranks and recalls nothing is replaced by the next challenger.
        var (model, card) = registry.Load(ModelRegistry.DefaultName, 1);
        var weak = registry.Save(ModelRegistry.DefaultName, model, card with { Metrics = card.Metrics with { AucPr = 0, Recall = 0 } });
        registry.Promote(ModelRegistry.DefaultName, weak.Version, force: true);
        var third = await service.RunAsync(cancellationToken: ct);
        Assert.True(third.Challenger.Metrics.AucPr > 0, "the simulated markets have shortfalls to rank");
        Assert.True(third.Promoted, third.Rejection);
        Assert.Equal(weak.Version, third.PreviousChampion);
        Assert.Equal(third.Challenger.Version, registry.Champion(ModelRegistry.DefaultName));
    }
}
