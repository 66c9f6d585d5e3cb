using Forecaster.Pipeline;
using Forecaster.Prices;
using Forecaster.Store.DuckDb;
using Forecaster.Store.Postgres;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>What every <see cref="IPriceStore"/> must do, run against each implementation.</summary>
public abstract class PriceStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2023, 3, 10, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<IPriceStore> OpenAsync();

    private static PriceHour Price(int h, double usd, long observed = 0) => new(T0.AddHours(h), usd, observed == 0 ? T0.AddHours(h).ToUnixTimeMilliseconds() + 1 : observed);

    [Fact]
    public async Task UpsertPricesAsync_CountsInsertedUpdatedUnchanged_AndReadsTheRangeInOrder()
    {
        var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var first = await store.UpsertPricesAsync([new PriceBatch("USDC", [Price(2, 0.90), Price(0, 1.0), Price(1, 0.97)]), new PriceBatch("DAI", [Price(0, 1.0)])], ct);
        Assert.Equal([new PriceUpsertResult("USDC", 3, 0, 0), new PriceUpsertResult("DAI", 1, 0, 0)], first);

        // Hour 0 the same; hour 1 corrected by a later observation; hour 3 new.
        var second = await store.UpsertPricesAsync([new PriceBatch("USDC", [Price(0, 1.0), Price(1, 0.88, T0.AddHours(1).ToUnixTimeMilliseconds() + 500), Price(3, 0.95)])], ct);
        Assert.Equal(new PriceUpsertResult("USDC", 1, 1, 1), second.Single());

        var hours = await store.GetPricesAsync("usdc", T0.AddHours(1), T0.AddHours(3), ct);
        Assert.Equal([0.88, 0.90, 0.95], hours.Select(h => h.PriceUsd));
        Assert.Equal([T0.AddHours(1), T0.AddHours(2), T0.AddHours(3)], hours.Select(h => h.Hour));
        Assert.Equal(["DAI", "USDC"], await store.GetPriceSymbolsAsync(ct));
        Assert.Empty(await store.GetPricesAsync("WETH", cancellationToken: ct));
    }

    [Fact]
    public async Task UpsertPricesAsync_LeavesTheStoreAsItWas_WhenABatchIsInvalid()
    {
        var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        await store.UpsertPricesAsync([new PriceBatch("USDC", [Price(0, 1.0)])], ct);

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertPricesAsync([new PriceBatch("USDC", [Price(1, 0.5)]), new PriceBatch("DAI", [Price(0, 1.0), Price(0, 1.1)])], ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertPricesAsync([new PriceBatch("USDT", [Price(0, double.NaN)])], ct));

        Assert.Equal(["USDC"], await store.GetPriceSymbolsAsync(ct));
        Assert.Equal([1.0], (await store.GetPricesAsync("USDC", cancellationToken: ct)).Select(h => h.PriceUsd));
    }
}

public sealed class DuckDbPriceStoreContractTests : PriceStoreContractTests, IAsyncDisposable
{
    private readonly TempDirectory _temp = new("prices");
    private DuckDbMarketStore? _store;

    protected override Task<IPriceStore> OpenAsync() => Task.FromResult<IPriceStore>(_store = DuckDbMarketStore.Open(_temp.File("s.duckdb")));

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        _temp.Dispose();
    }
}

public sealed class PostgresPriceStoreContractTests(PostgresCluster cluster) : PriceStoreContractTests, IAsyncDisposable
{
    private PostgresMarketStore? _store;

    protected override async Task<IPriceStore> OpenAsync() => _store = await PostgresMarketStore.OpenAsync(await cluster.CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }
}
