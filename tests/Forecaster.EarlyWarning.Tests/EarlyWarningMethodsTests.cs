using System.Text.Json;
using Forecaster.Benchmarks.Workloads;
using Forecaster.Modeling.EarlyWarning;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>The one catalog of named methods that `forecaster train --method` and the variants benchmark both read.</summary>
public sealed class EarlyWarningMethodsTests
{
    [Fact]
    public void Catalog_NamesDistinctValidMethods_WithTheDefaultFirst()
    {
        var all = EarlyWarningMethods.All;

        Assert.Equal(EarlyWarningMethods.DefaultName, all[0].Name);
        // The default method is what `new BacktestOptions()` has always trained, so `train` without --method is unchanged.
        Assert.Equal(JsonSerializer.Serialize(new EarlyWarningModelOptions()), JsonSerializer.Serialize(all[0].Options));
        Assert.Equal(all.Count, all.Select(m => m.Name).Distinct().Count());
        Assert.Equal(all.Count, all.Select(m => JsonSerializer.Serialize(m.Options)).Distinct().Count());
        foreach (var method in all)
        {
            method.Options.Validate();
            Assert.False(string.IsNullOrWhiteSpace(method.Description), method.Name);
            Assert.Equal(method.Name, EarlyWarningMethods.NameOf(method.Options with { }));
            Assert.Same(method, EarlyWarningMethods.Find(method.Name));
        }
        Assert.Null(EarlyWarningMethods.NameOf(new EarlyWarningModelOptions { Trees = 20 }));
    }

    [Fact]
    public void Find_RefusesAnUnknownName_ListingEveryValidOne()
    {
        var e = Assert.Throws<UnknownMethodException>(() => EarlyWarningMethods.Find("Logistic"));

        Assert.StartsWith("unknown method 'Logistic'; valid: logistic, trees, ", e.Message);
        foreach (var method in EarlyWarningMethods.All) Assert.Contains(method.Name, e.Message);
    }

    [Fact]
    public void BenchmarkVariants_AreTheCatalogsOwnMethods_ThenOnlyThoseNeedingInputsAStoreLacks()
    {
        var catalog = EarlyWarningMethods.All;
        var variants = EarlyWarningVariants.All;

        for (var i = 0; i < catalog.Count; i++)
        {
            Assert.Equal(catalog[i].Name, variants[i].Name);
            Assert.Same(catalog[i].Options, variants[i].Options);
        }
        // Prices and holders are not in a store's snapshots; fold-by-fold Platt changes the backtest, not the model.
        Assert.Equal(
            new[]
            {
                EarlyWarningVariants.Prices, "logistic-holders", "logistic-hazard-1h-holders", "logistic-holder-trends",
                "logistic-hazard-1h-holder-trends", EarlyWarningVariants.FoldPlatt,
            },
            variants.Skip(catalog.Count).Select(v => v.Name));
    }
}
