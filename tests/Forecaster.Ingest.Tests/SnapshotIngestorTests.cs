using Forecaster.Ingest.Snapshots;
using Forecaster.Markets;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Ingest.Tests;

public class SnapshotIngestorTests : IDisposable
{
    private readonly TempDirectory _temp = new("ingest");
    private readonly DuckDbMarketStore _store;

    public SnapshotIngestorTests() => _store = DuckDbMarketStore.Open(_temp.File("store.duckdb"));

    public void Dispose()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _temp.Dispose();
    }

    private Task<SnapshotIngestSummary> Ingest(bool lenient = false, string? market = null, params string[] files) =>
        new SnapshotIngestor(_store).IngestAsync(files, new SnapshotIngestOptions { Lenient = lenient, Market = market, RejectsDirectory = _temp.File("quarantine") }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task IngestAsync_FlagsStaleGapsAndOverUtilization_AndSkipsPreOpenZeros()
    {
        var file = SnapshotFixtures.Write(_temp.Path, "aave_v2_test.csv", SnapshotFixtures.Messy);

        var summary = await Ingest(files: file);

        var m = Assert.Single(summary.Markets);
        Assert.Equal("aave_v2_test", m.Market);
        Assert.Equal(8, m.RowsRead);
        Assert.Equal(2, m.Cleaning.SkippedPreOpen);
        Assert.Equal(6, m.Inserted);
        Assert.Equal(1, m.Cleaning.Stale);
        Assert.Equal(1, m.Cleaning.UtilizationAboveOne);
        Assert.Equal(1, m.Cleaning.Gaps);
        Assert.Equal(2, m.Cleaning.MissingHours);
        Assert.Equal(1, m.Cleaning.MissingRates);

        var hours = await _store.GetHoursAsync("aave_v2_test", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(6, hours.Count);
        Assert.True(hours[1].Has(DataQuality.Stale));
        Assert.False(hours[0].Has(DataQuality.Stale));
        Assert.True(hours[2].Has(DataQuality.MissingRates));
        Assert.True(double.IsNaN(hours[2].SupplyRatePct));
        Assert.True(hours[3].Has(DataQuality.UtilizationAboveOne));
        Assert.Equal(820, hours[3].BorrowedUsd); // stored as read
        Assert.Equal(1.0, hours[3].Utilization); // clipped only in derived values
        Assert.True(hours[3].RawUtilization > 1);
        Assert.True(hours[5].Has(DataQuality.AfterGap));
        Assert.Equal(new DateTimeOffset(2022, 1, 1, 9, 0, 0, TimeSpan.Zero), hours[5].Hour);
        Assert.Equal(260, hours[5].AvailableLiquidityUsd);
    }

    [Fact]
    public async Task IngestAsync_ChangesNothing_WhenTheSameFileIsIngestedAgain()
    {
        var file = SnapshotFixtures.Write(_temp.Path, "aave_v2_test.csv.gz", SnapshotFixtures.Messy);
        await Ingest(files: file);
        var before = await _store.GetHoursAsync("aave_v2_test", cancellationToken: TestContext.Current.CancellationToken);

        var again = Assert.Single((await Ingest(files: file)).Markets);

        Assert.Equal(0, again.Inserted);
        Assert.Equal(0, again.Updated);
        Assert.Equal(6, again.Unchanged);
        var after = await _store.GetHoursAsync("aave_v2_test", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task IngestAsync_UpdatesHours_WhenANewerFileRestatesThem_AndKeepsNewerStoredSnapshots()
    {
        var original = SnapshotFixtures.Write(_temp.Path, "v1.csv", SnapshotFixtures.Messy);
        await Ingest(market: "m", files: original);
        // A newer export restates hour 06:00 from a later snapshot.
        var newer = SnapshotFixtures.WithLine(SnapshotFixtures.Messy, 8, "2022-01-01T06:00:00Z,1641017000,107,999,999,600,0,999,2.0,,4.0,9");
        var restated = Assert.Single((await Ingest(market: "m", files: SnapshotFixtures.Write(_temp.Path, "v2.csv", newer))).Markets);
        Assert.Equal(1, restated.Updated);
        Assert.Equal(5, restated.Unchanged);

        // An older export of that hour must not roll it back.
        var older = Assert.Single((await Ingest(market: "m", files: original)).Markets);
        Assert.Equal(1, older.KeptNewer);
        Assert.Equal(0, older.Updated);
        var hours = await _store.GetHoursAsync("m", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(999, hours.Single(h => h.Hour.Hour == 6).SuppliedUsd);
    }

    [Theory]
    [InlineData(4, "2022-01-01T02:00:00Z,1641002400,102,1000,abc,500,0,1000,1.5,,3.0,8", "line 4, column 5 (supplied_USD): 'abc' is not a number")]
    [InlineData(5, "2022-01-01T03:00:00Z,1641002400,102,1000,1000,-5,0,1000,1.5,,3.0,8", "line 5, column 6 (borrowed_USD): '-5' is negative")]
    [InlineData(6, "yesterday,1641009600,104,900,900,600,10,900,,,,", "line 6, column 1 (hour_utc): 'yesterday' is not an ISO-8601 time")]
    [InlineData(6, "2022-01-01T04:30:00Z,1641009600,104,900,900,600,10,900,,,,", "line 6, column 1 (hour_utc): '2022-01-01T04:30:00Z' is not on a whole UTC hour")]
    [InlineData(7, "2022-01-01T05:00:00Z,1641013200,105,800,800", "line 7: row has 5 fields, the header has 12")]
    [InlineData(8, "2022-01-01T06:00:00Z,,106,850,850,600,0,850,2.0,,4.0,9", "line 8, column 2 (timestamp): value is empty")]
    [InlineData(8, "2022-01-01T05:00:00Z,1641016800,106,850,850,600,0,850,2.0,,4.0,9", "line 8: hour 2022-01-01T05:00:00Z appears again (first on line 7)")]
    [InlineData(4, "2022-01-01T02:00:00Z,1641002400,102,1000,1000,500,0,12x,1.5,,3.0,8", "line 4, column 8 (token_balance): '12x' is not a number")]
    [InlineData(9, "2022-01-01T09:00:00Z,1641027600,109,870,870,610,0,-1e20,2.0,,4.0,9", "line 9, column 8 (token_balance): '-1e20' is negative")]
    public async Task IngestAsync_FailsNamingFileLineAndColumn_AndStoresNothing_WhenARowIsMalformed(int line, string row, string expected)
    {
        var good = SnapshotFixtures.Write(_temp.Path, "good.csv", SnapshotFixtures.Messy);
        await Ingest(market: "other", files: good);
        var bad = SnapshotFixtures.Write(_temp.Path, "bad.csv", SnapshotFixtures.WithLine(SnapshotFixtures.Messy, line, row));

        var error = await Assert.ThrowsAsync<SnapshotFormatException>(() => Ingest(files: [good, bad]));

        Assert.Contains("bad.csv: " + expected, error.Message);
        Assert.Contains("nothing was stored", error.Message);
        var counts = await _store.CountHoursAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new Dictionary<string, long> { ["other"] = 6 }, counts);
    }

    [Fact]
    public async Task IngestAsync_StoresTokenBalances_AndKeepsThemUnknown_WhereACellIsEmptyOrTheColumnAbsent()
    {
        // A WETH-sized raw balance (the shared file's first WETH value is 1.2358016499486193e+24): past a long, exact in a double.
        var content = SnapshotFixtures.WithLine(SnapshotFixtures.Messy, 9, "2022-01-01T09:00:00Z,1641027600,109,870,870,610,0,1.2358016499486193e+24,2.0,,4.0,9");
        content = SnapshotFixtures.WithLine(content, 8, "2022-01-01T06:00:00Z,1641016800,106,850,850,600,0,,2.0,,4.0,9");
        await Ingest(files: SnapshotFixtures.Write(_temp.Path, "tokens.csv", content));
        var hours = await _store.GetHoursAsync("tokens", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1000, hours[0].SuppliedTokens);
        Assert.True(double.IsNaN(hours[^2].SuppliedTokens), "an empty cell is unknown, not zero");
        Assert.Equal(1.2358016499486193e+24, hours[^1].SuppliedTokens);

        var withoutColumn = string.Join('\n', SnapshotFixtures.Messy.Split('\n').Select(line => string.Join(',', line.Split(',').Where((_, i) => i != 7))));
        Assert.DoesNotContain("token_balance", withoutColumn);
        await Ingest(files: SnapshotFixtures.Write(_temp.Path, "usdonly.csv", withoutColumn));
        var usdOnly = await _store.GetHoursAsync("usdonly", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(6, usdOnly.Count);
        Assert.All(usdOnly, h => Assert.True(double.IsNaN(h.SuppliedTokens)));
        Assert.Equal(hours.Take(5).Select(h => h.SuppliedUsd), usdOnly.Take(5).Select(h => h.SuppliedUsd));
    }

    [Fact]
    public async Task IngestAsync_TruncatesSubSecondSnapshotTimestamps_AsTheRealDataHasThem()
    {
        // aave_v2_usdc.csv.gz line 10128 has timestamp 1643288305.5; block numbers must stay whole.
        var content = SnapshotFixtures.WithLine(SnapshotFixtures.Messy, 9, "2022-01-01T09:00:00Z,1641027600.5,109,870,870,610,0,870,2.0,,4.0,9");
        await Ingest(files: SnapshotFixtures.Write(_temp.Path, "frac.csv", content));
        var hours = await _store.GetHoursAsync("frac", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1641027600, hours[^1].SnapshotTimestamp);

        var badBlock = SnapshotFixtures.WithLine(SnapshotFixtures.Messy, 9, "2022-01-01T09:00:00Z,1641027600,109.5,870,870,610,0,870,2.0,,4.0,9");
        var error = await Assert.ThrowsAsync<SnapshotFormatException>(() => Ingest(files: SnapshotFixtures.Write(_temp.Path, "frac2.csv", badBlock)));
        Assert.Contains("line 9, column 3 (block): '109.5' is not a non-negative integer", error.Message);
    }

    [Fact]
    public async Task IngestAsync_Fails_WhenARequiredColumnIsMissing()
    {
        var content = SnapshotFixtures.Messy.Replace("borrowed_USD", "borrowed");
        var file = SnapshotFixtures.Write(_temp.Path, "nocol.csv", content);

        var error = await Assert.ThrowsAsync<SnapshotFormatException>(() => Ingest(lenient: true, files: file));

        Assert.Contains("nocol.csv: line 1", error.Message);
        Assert.Contains("required column 'borrowed_USD' is missing", error.Message);
    }

    [Fact]
    public async Task IngestAsync_SendsBadRowsToRejectsFileAndStoresTheRest_WhenLenient()
    {
        var content = SnapshotFixtures.WithLine(SnapshotFixtures.Messy, 8, "2022-01-01T06:00:00Z,1641016800,106,850,lots,600,0,850,2.0,,4.0,9");
        var file = SnapshotFixtures.Write(_temp.Path, "aave_v2_test.csv", content);

        var summary = await Ingest(lenient: true, files: file);

        var m = Assert.Single(summary.Markets);
        Assert.Equal(8, m.RowsRead);
        Assert.Equal(1, m.Rejected);
        Assert.Equal(5, m.Inserted);
        Assert.NotNull(summary.RejectsFile);
        var rejects = File.ReadAllLines(summary.RejectsFile!);
        Assert.Equal(2, rejects.Length);
        Assert.Contains("\"aave_v2_test.csv\",8,\"supplied_USD\",\"'lots' is not a number\"", rejects[1]);
        Assert.Contains("lots", rejects[1]);
    }

    [Fact]
    public async Task IngestAsync_Fails_WhenAFileDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<ForecasterException>(() => Ingest(files: _temp.File("missing.csv")));
        Assert.Contains("missing.csv", error.Message);
    }
}
