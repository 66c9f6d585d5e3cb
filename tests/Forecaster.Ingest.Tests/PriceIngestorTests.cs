using Forecaster.Ingest.Prices;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Ingest.Tests;

public class PriceIngestorTests : IDisposable
{
    // 2022-01-01 00:00 UTC in unix milliseconds.
    private const long T0 = 1_640_995_200_000;
    private const long Hour = 3_600_000;
    private readonly TempDirectory _temp = new("prices");
    private readonly DuckDbMarketStore _store;

    public PriceIngestorTests() => _store = DuckDbMarketStore.Open(_temp.File("store.duckdb"));

    public void Dispose()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _temp.Dispose();
    }

    private string Write(string name, params string[] rows)
    {
        var path = _temp.File(name);
        File.WriteAllLines(path, ["symbol,timestamp,USD_price", .. rows]);
        return path;
    }

    private Task<IReadOnlyList<PriceIngestSummary>> Ingest(params string[] files) =>
        new PriceIngestor(_store).IngestAsync(files, TestContext.Current.CancellationToken);

    [Fact]
    public async Task IngestAsync_KeepsTheLastPriceOfEachHour_AndCountsHoursWithoutAny()
    {
        // Hour 0: two observations, out of order (the later one, 1.02, wins); hour 1: one; hours 2-3: none; hour 4: one.
        var file = Write("WETH_usd.csv",
            $"WETH,{T0 + 50 * 60_000},1.02", $"WETH,{T0 + 10 * 60_000},1.00", $"WETH,{T0 + Hour + 1},1.10", $"WETH,{T0 + 4 * Hour + 59 * 60_000},0.90");

        var summary = Assert.Single(await Ingest(file));

        Assert.Equal(("WETH", 4L, 3, 2, 2, 3L), (summary.Symbol, summary.RowsRead, summary.Hours, summary.MissingHours, summary.LongestGapHours, summary.Inserted));
        var hours = await _store.GetPricesAsync("weth", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([1.02, 1.10, 0.90], hours.Select(h => h.PriceUsd));
        Assert.Equal([0, 1, 4], hours.Select(h => (h.Hour.ToUnixTimeMilliseconds() - T0) / Hour));
        Assert.Equal(T0 + 50 * 60_000, hours[0].ObservedAt);
    }

    [Fact]
    public async Task IngestAsync_ChangesNothing_WhenTheSameFileIsIngestedAgain()
    {
        var file = Write("USDC_usd.csv", $"USDC,{T0},1.0", $"USDC,{T0 + Hour},0.99");
        await Ingest(file);

        var again = Assert.Single(await Ingest(file));

        Assert.Equal((0L, 0L, 2L), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(["USDC"], await _store.GetPriceSymbolsAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("USDC,1640995200000,abc", 3, "USD_price", "'abc' is not a number")]
    [InlineData("USDC,1640995200000,-1", 3, "USD_price", "not positive")]
    [InlineData("USDC,1640995200,1.0", 3, "timestamp", "looks like unix seconds")]
    [InlineData("USDC,2022-01-01,1.0", 3, "timestamp", "not an integer")]
    [InlineData("USDT,1640995200000,1.0", 3, "symbol", "differs from the file's first symbol 'USDC'")]
    [InlineData(",1640995200000,1.0", 3, "symbol", "symbol is empty")]
    public async Task IngestAsync_RefusesABadRowNamingFileLineAndColumn_AndStoresNothing(string badRow, int line, string column, string reason)
    {
        var good = Write("DAI_usd.csv", $"DAI,{T0},1.0");
        var bad = Write("USDC_usd.csv", $"USDC,{T0},1.0", badRow);

        var error = await Assert.ThrowsAsync<PriceFormatException>(() => Ingest(good, bad));

        Assert.Equal(("USDC_usd.csv", (long)line, column), (error.Rejection.File, error.Rejection.Line, error.Rejection.Column));
        Assert.Contains(reason, error.Message);
        Assert.Contains("nothing was stored", error.Message);
        Assert.Empty(await _store.GetPriceSymbolsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IngestAsync_Refuses_WhenAColumnIsMissing()
    {
        var path = _temp.File("x.csv");
        File.WriteAllLines(path, ["symbol,time,USD_price", $"X,{T0},1"]);

        var error = await Assert.ThrowsAsync<PriceFormatException>(() => Ingest(path));

        Assert.Contains("required column 'timestamp' is missing", error.Message);
    }

    [Fact]
    public async Task IngestAsync_ReadsTheSharedWethFile_WithGapsReported()
    {
        var file = SharedData.Require("prices-hourly", "WETH_usd.csv.gz");

        var summary = Assert.Single(await Ingest(file));

        // 2021-01-01 .. 2023-02-25 is about 18,900 hours; the file has about 18,860 irregular rows.
        Assert.Equal("WETH", summary.Symbol);
        Assert.InRange(summary.Hours, 17_000, 19_000);
        Assert.Equal(summary.Hours + summary.MissingHours, (int)(summary.Last - summary.First).TotalHours + 1);
        var june18 = await _store.GetPricesAsync("WETH", new DateTimeOffset(2022, 6, 18, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 6, 18, 23, 0, 0, TimeSpan.Zero), TestContext.Current.CancellationToken);
        Assert.InRange(june18.Min(h => h.PriceUsd), 800, 1_100); // ETH traded near $900-1,000 that day
    }
}
