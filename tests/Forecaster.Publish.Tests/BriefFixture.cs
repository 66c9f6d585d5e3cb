using Xunit;
using Forecaster.Markets;
using Forecaster.Pipeline;
using Forecaster.Publish.Brief;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;

namespace Forecaster.Publish.Tests;

/// <summary>A real DuckDB store holding the default simulated markets, in a temp folder, for brief tests.</summary>
internal sealed class BriefFixture : IAsyncDisposable
{
    private readonly TempDirectory _temp;

    private BriefFixture(TempDirectory temp, DuckDbMarketStore store)
    {
        _temp = temp;
        Store = store;
    }

    public DuckDbMarketStore Store { get; }

    /// <summary>The brief output folder (dated folders go under it).</summary>
    public string Out => Path.Combine(_temp.Path, "reports");

    public static async Task<BriefFixture> CreateAsync()
    {
        var temp = new TempDirectory("forecaster-brief");
        var store = DuckDbMarketStore.Open(temp.File("store.duckdb"));
        await store.UpsertAsync(SimulatedMarkets.Default.Select(m => new MarketBatch(m.Market, m.Hours)).ToList());
        return new BriefFixture(temp, store);
    }

    public Task<BriefResult> BriefAsync(DateTimeOffset asOf, IReadOnlyList<RecommendedAction>? recommendations = null) =>
        new BriefService(Store) { Recommendations = recommendations ?? [] }
            .CreateAsync(new BriefOptions { OutputDirectory = Out, AsOf = asOf }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _temp.Dispose();
    }
}
