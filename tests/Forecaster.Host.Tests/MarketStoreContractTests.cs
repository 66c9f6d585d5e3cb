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
    public async Task UpsertAsync_ReplacesOlderStampedHoursAndRemovesMissingOnes_FromAnAuthoritativeBatchsFirstHour()
    {
        // A chain reorg: hours 1-3 were aggregated from a branch whose tip is now gone. The new branch's account starts at
        // hour 2, stamps it earlier than the orphaned one and ends before hour 3.
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var late = T0.AddHours(9).ToUnixTimeSeconds();
        await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc"), [Hour(0), Hour(1, 110, late), Hour(2, 120, late), Hour(3, 130, late)])], ct);

        var plain = await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc"), [Hour(2, 70)])], ct);
        Assert.Equal(new UpsertResult("a_usdc", 0, 0, 0, 1), plain.Single());

        var reorg = await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc"), [Hour(2, 70)]) { Authoritative = true }], ct);
        Assert.Equal(new UpsertResult("a_usdc", 0, 1, 0, 0) { Removed = 1 }, reorg.Single());
        var hours = await store.GetHoursAsync("a_usdc", cancellationToken: ct);
        Assert.Equal([T0, T0.AddHours(1), T0.AddHours(2)], hours.Select(h => h.Hour)); // hour 3 is gone; hours before the span stay
        Assert.Equal([100, 110, 70], hours.Select(h => h.SuppliedUsd));

        // A market seen for the first time loses nothing to its own span.
        var fresh = await store.UpsertAsync([new MarketBatch(Market.FromName("b_dai"), [Hour(0), Hour(1)]) { Authoritative = true }], ct);
        Assert.Equal(new UpsertResult("b_dai", 2, 0, 0, 0), fresh.Single());
        Assert.Equal(2, (await store.CountHoursAsync(ct))["b_dai"]);
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
    public async Task UpsertAsync_KeepsGrossFlowsAndCountsAFlowChangeAsAnUpdate_WhenHoursCarryThem()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var flows = new GrossFlows(10, 20, 30, 40);
        await store.UpsertAsync([new MarketBatch(Market.FromName("c_usdt"), [Hour(0) with { Flows = flows }, Hour(1)])], ct);

        // Only the flows of hour 0 differ: still a change, so the newer values replace the stored ones.
        var rewrite = await store.UpsertAsync([new MarketBatch(Market.FromName("c_usdt"), [Hour(0) with { Flows = flows with { WithdrawalsUsd = 25 } }, Hour(1)])], ct);
        Assert.Equal(new UpsertResult("c_usdt", 0, 1, 1, 0), rewrite.Single());

        var hours = await store.GetHoursAsync("c_usdt", cancellationToken: ct);
        Assert.Equal(new GrossFlows(10, 25, 30, 40), hours[0].Flows);
        Assert.Null(hours[1].Flows); // unknown stays unknown, not zero
    }

    [Fact]
    public async Task UpsertAsync_KeepsTokenBalancesExactly_AndCountsAFirstKnownBalanceAsAnUpdate()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        // Raw 18-decimal balances pass a long: 1.7e27 is DAI's largest in the shared files.
        await store.UpsertAsync([new MarketBatch(Market.FromName("d_weth"), [Hour(0) with { SuppliedTokens = 1.2358016499486193e+24 }, Hour(1)])], ct);
        var stored = await store.GetHoursAsync("d_weth", cancellationToken: ct);
        Assert.Equal(1.2358016499486193e+24, stored[0].SuppliedTokens);
        Assert.True(double.IsNaN(stored[1].SuppliedTokens), "unknown stays unknown, not zero");

        // Re-ingesting a file that now carries the balance fills it in: the hour changed.
        var rewrite = await store.UpsertAsync([new MarketBatch(Market.FromName("d_weth"),
            [Hour(0) with { SuppliedTokens = 1.2358016499486193e+24 }, Hour(1) with { SuppliedTokens = 1.7378e27 }])], ct);
        Assert.Equal(new UpsertResult("d_weth", 0, 1, 1, 0), rewrite.Single());
        Assert.Equal(1.7378e27, (await store.GetHoursAsync("d_weth", cancellationToken: ct))[1].SuppliedTokens);
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

    [Fact]
    public async Task Open_AddsTheLaterColumnsAndKeepsTheHours_WhenTheFileHasTheFirstSchema()
    {
        var path = _temp.File("v1.duckdb");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE schema_info (version INTEGER NOT NULL); INSERT INTO schema_info VALUES (1);
                CREATE TABLE markets (name VARCHAR PRIMARY KEY, protocol VARCHAR NOT NULL, chain VARCHAR NOT NULL, asset VARCHAR NOT NULL,
                    pool_address VARCHAR, is_simulated BOOLEAN NOT NULL);
                CREATE TABLE market_hours (market VARCHAR NOT NULL, hour BIGINT NOT NULL, supplied_usd DOUBLE NOT NULL, borrowed_usd DOUBLE NOT NULL,
                    liquidations_usd DOUBLE NOT NULL, supply_rate_pct DOUBLE, borrow_rate_pct DOUBLE, quality INTEGER NOT NULL,
                    snapshot_ts BIGINT NOT NULL, block BIGINT NOT NULL, PRIMARY KEY (market, hour));
                INSERT INTO markets VALUES ('a_usdc', 'aave-v2', 'ethereum', 'USDC', NULL, false);
                INSERT INTO market_hours VALUES ('a_usdc', 1704067200, 100, 50, 0, 1, 2, 0, 1704067200, 7);
                """;
            command.ExecuteNonQuery();
        }
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(path);
        var old = Assert.Single(await store.GetHoursAsync("a_usdc", cancellationToken: ct));
        Assert.Equal(100, old.SuppliedUsd);
        Assert.Null(old.Flows);
        Assert.True(double.IsNaN(old.SuppliedTokens));
        var next = old with { Hour = old.Hour.AddHours(1), Block = 8, SnapshotTimestamp = old.SnapshotTimestamp + 3600, Flows = new GrossFlows(1, 2, 3, 4), SuppliedTokens = 1e26 };
        await store.UpsertAsync([new MarketBatch(Market.FromName("a_usdc"), [next])], ct);
        var read = (await store.GetHoursAsync("a_usdc", cancellationToken: ct))[1];
        Assert.Equal(new GrossFlows(1, 2, 3, 4), read.Flows);
        Assert.Equal(1e26, read.SuppliedTokens);
    }

    public void Dispose() => _temp.Dispose();
}

public sealed class PostgresMarketStoreContractTests(PostgresCluster cluster) : MarketStoreContractTests
{
    protected override async Task<IMarketStore> OpenAsync() => await PostgresMarketStore.OpenAsync(await cluster.CreateDatabaseAsync());

    [Fact]
    public async Task OpenAsync_AddsTheTokenColumnAndKeepsTheHours_WhenTheDatabaseHasSchema2()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await cluster.CreateDatabaseAsync();
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE forecaster_schema_info (version INTEGER NOT NULL); INSERT INTO forecaster_schema_info VALUES (2);
                CREATE TABLE markets (name TEXT PRIMARY KEY, protocol TEXT NOT NULL, chain TEXT NOT NULL, asset TEXT NOT NULL,
                    pool_address TEXT, is_simulated BOOLEAN NOT NULL);
                CREATE TABLE market_hours (market TEXT NOT NULL REFERENCES markets (name), hour BIGINT NOT NULL,
                    supplied_usd DOUBLE PRECISION NOT NULL, borrowed_usd DOUBLE PRECISION NOT NULL, liquidations_usd DOUBLE PRECISION NOT NULL,
                    supply_rate_pct DOUBLE PRECISION, borrow_rate_pct DOUBLE PRECISION, quality INTEGER NOT NULL, snapshot_ts BIGINT NOT NULL,
                    block BIGINT NOT NULL, deposits_usd DOUBLE PRECISION, withdrawals_usd DOUBLE PRECISION, borrows_usd DOUBLE PRECISION,
                    repays_usd DOUBLE PRECISION, PRIMARY KEY (market, hour));
                INSERT INTO markets VALUES ('a_weth', 'aave-v2', 'ethereum', 'WETH', NULL, false);
                INSERT INTO market_hours VALUES ('a_weth', 1704067200, 100, 50, 0, 1, 2, 0, 1704067200, 7, NULL, NULL, NULL, NULL);
                """;
            await command.ExecuteNonQueryAsync(ct);
        }
        await using var store = await PostgresMarketStore.OpenAsync(connectionString, ct);
        var old = Assert.Single(await store.GetHoursAsync("a_weth", cancellationToken: ct));
        Assert.Equal(100, old.SuppliedUsd);
        Assert.True(double.IsNaN(old.SuppliedTokens), "a database from before the column reads its balances as unknown");
        var next = old with { Hour = old.Hour.AddHours(1), Block = 8, SnapshotTimestamp = old.SnapshotTimestamp + 3600, SuppliedTokens = 5e22 };
        await store.UpsertAsync([new MarketBatch(Market.FromName("a_weth"), [next])], ct);
        Assert.Equal(5e22, (await store.GetHoursAsync("a_weth", cancellationToken: ct))[1].SuppliedTokens);
    }
}
