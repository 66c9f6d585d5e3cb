using Forecaster.Markets;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Ingest.Tests;

public class DuckDbMarketStoreTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static MarketHour Hour(int h, double supplied = 100) => new(T0.AddHours(h), supplied, 50, 0, 1, 2, DataQuality.None, T0.AddHours(h).ToUnixTimeSeconds(), h);

    [Fact]
    public async Task UpsertAsync_LeavesTheStoreAsItWas_WhenTheWriteFails()
    {
        using var temp = new TempDirectory("store");
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        var ct = TestContext.Current.CancellationToken;
        await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc"), [Hour(0), Hour(1)])], ct);

        // The second batch repeats an hour: the whole write must be refused, including the first batch's new hours.
        var bad = new[] { new MarketBatch(Market.FromName("a_usdc"), [Hour(2)]), new MarketBatch(Market.FromName("b_dai"), [Hour(0), Hour(0, 7)]) };
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync(bad, ct));

        Assert.Equal(new Dictionary<string, long> { ["a_usdc"] = 2 }, await store.CountHoursAsync(ct));
    }

    [Fact]
    public async Task GetHoursAsync_Throws_WhenTheMarketIsUnknown()
    {
        using var temp = new TempDirectory("store");
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        var error = await Assert.ThrowsAsync<UnknownMarketException>(() => store.GetHoursAsync("nope", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("nope", error.Market);
    }

    [Fact]
    public async Task Open_KeepsData_WhenTheFileIsReopened()
    {
        using var temp = new TempDirectory("store");
        var ct = TestContext.Current.CancellationToken;
        await using (var store = DuckDbMarketStore.Open(temp.File("s.duckdb")))
            await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc") with { PoolAddress = "0xabc" }, [Hour(0), Hour(1, 200)])], ct);

        await using var reopened = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        var hours = await reopened.GetHoursAsync("a_usdc", cancellationToken: ct);
        Assert.Equal([Hour(0), Hour(1, 200)], hours);
        Assert.Equal("0xabc", (await reopened.GetMarketsAsync(ct)).Single().PoolAddress);
    }
}
