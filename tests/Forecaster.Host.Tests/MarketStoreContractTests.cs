using Forecaster.Markets;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;
using Forecaster.Store.Postgres;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>What every <see cref="IMarketStore"/> must do, run against each implementation.</summary>
public abstract class MarketStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<IMarketStore> OpenAsync();

    private static MarketHour Hour(int h, double supplied = 100, long snapshot = -1, double rate = 1) =>
        new(T0.AddHours(h), supplied, 50, 0, rate, 2, DataQuality.None, snapshot >= 0 ? snapshot : T0.AddHours(h).ToUnixTimeSeconds(), h);

    [Fact]
    public async Task UpsertAsync_CountsInsertedUpdatedUnchangedAndKeptNewer_WhenHoursAreRewritten()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var first = await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc"), [Hour(0), Hour(1), Hour(2)])], ct);
        Assert.Equal(new UpsertResult("a_usdc", 3, 0, 0, 0), first.Single());

        // hour 0 same; hour 1 newer snapshot with new values; hour 2 older snapshot with new values; hour 3 new.
        var second = await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc"),
            [Hour(0), Hour(1, 150, T0.AddHours(5).ToUnixTimeSeconds()), Hour(2, 999, 1), Hour(3)])], ct);
        Assert.Equal(new UpsertResult("a_usdc", 1, 1, 1, 1), second.Single());

        var hours = await store.GetHoursAsync("a_usdc", cancellationToken: ct);
        Assert.Equal([100, 150, 100, 100], hours.Select(h => h.SuppliedUsd));
    }

    [Fact]
    public async Task UpsertAsync_LeavesTheStoreAsItWas_WhenTheWriteFails()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc"), [Hour(0), Hour(1)])], ct);
        var bad = new[] { new MarketBatch(Market.FromName("a_usdc"), [Hour(2)]), new MarketBatch(Market.FromName("b_dai"), [Hour(0), Hour(0, 7)]) };
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync(bad, ct));
        Assert.Equal(new Dictionary<string, long> { ["a_usdc"] = 2 }, await store.CountHoursAsync(ct));
    }

    [Fact]
    public async Task GetHoursAsync_ReturnsTheRangeWithUnknownRatesAsNaN_WhenRatesAreMissing()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        await store.UpsertAsync([new MarketBatch(Market.FromName("b_dai") with { PoolAddress = "0xabc" }, [Hour(3), Hour(1, rate: double.NaN), Hour(2)])], ct);
        var hours = await store.GetHoursAsync("b_dai", T0.AddHours(1), T0.AddHours(2), ct);
        Assert.Equal([T0.AddHours(1), T0.AddHours(2)], hours.Select(h => h.Hour));
        Assert.True(double.IsNaN(hours[0].SupplyRatePct));
        Assert.Equal(T0.AddHours(3), await store.GetLatestHourAsync(ct));
        Assert.Equal("0xabc", (await store.GetMarketsAsync(ct)).Single().PoolAddress);
    }

    [Fact]
    public async Task GetHoursAsync_Throws_WhenTheMarketIsUnknown()
    {
        await using var store = await OpenAsync();
        var error = await Assert.ThrowsAsync<UnknownMarketException>(() => store.GetHoursAsync("nope", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("nope", error.Market);
    }
}

public sealed class DuckDbMarketStoreContractTests : MarketStoreContractTests, IDisposable
{
    private readonly TempDirectory _temp = new("store");

    protected override Task<IMarketStore> OpenAsync() => Task.FromResult<IMarketStore>(DuckDbMarketStore.Open(_temp.File("s.duckdb")));

    public void Dispose() => _temp.Dispose();
}

public sealed class PostgresMarketStoreContractTests(PostgresCluster cluster) : MarketStoreContractTests
{
    protected override async Task<IMarketStore> OpenAsync() => await PostgresMarketStore.OpenAsync(await cluster.CreateDatabaseAsync());
}
