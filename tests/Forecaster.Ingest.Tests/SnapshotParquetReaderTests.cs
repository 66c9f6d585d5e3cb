using Forecaster.Ingest.Snapshots;
using Forecaster.Testing;
using Parquet.Schema;
using Parquet.Serialization;
using Xunit;

namespace Forecaster.Ingest.Tests;

public class SnapshotParquetReaderTests
{
    [Fact]
    public async Task ReadAsync_ReadsTheSameRowsAsCsv_WhenTheFileIsParquet()
    {
        using var temp = new TempDirectory("parquet");
        var csv = SnapshotFixtures.Write(temp.Path, "m.csv", SnapshotFixtures.Messy);
        var parquet = temp.File("m.parquet");
        await WriteParquetAsync(parquet, SnapshotCsvReader.Read(csv).Rows);

        var fromParquet = await SnapshotParquetReader.ReadAsync(parquet, TestContext.Current.CancellationToken);
        var fromCsv = SnapshotCsvReader.Read(csv);

        Assert.Empty(fromParquet.Rejections);
        Assert.Equal(fromCsv.Rows.Select(Key), fromParquet.Rows.Select(Key));
        Assert.Equal(fromCsv.Rows.Select(r => r.Line), fromParquet.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadAsync_RejectsTheRow_WhenAParquetValueIsNegative()
    {
        using var temp = new TempDirectory("parquet");
        var rows = SnapshotCsvReader.Read(SnapshotFixtures.Write(temp.Path, "m.csv", SnapshotFixtures.Messy)).Rows.ToList();
        rows[3] = rows[3] with { SuppliedUsd = -1 };
        var parquet = temp.File("m.parquet");
        await WriteParquetAsync(parquet, rows);

        var read = await SnapshotParquetReader.ReadAsync(parquet, TestContext.Current.CancellationToken);

        var rejection = Assert.Single(read.Rejections);
        Assert.Equal(5, rejection.Line);
        Assert.Equal("supplied_USD", rejection.Column);
    }

    private static object Key(SnapshotRow r) => (r.Hour, r.SnapshotTimestamp, r.Block, r.SuppliedUsd, r.BorrowedUsd, r.LiquidationsUsd, r.SupplyRatePct, r.BorrowRatePct, r.SuppliedTokens);

    // The shared data's original Parquet schema: a timestamp column and doubles, rates nullable.
    private static async Task WriteParquetAsync(string path, IReadOnlyList<SnapshotRow> rows)
    {
        var schema = new ParquetSchema(
            new DataField<DateTime>("hour_utc"), new DataField<long>("timestamp"), new DataField<long>("block"),
            new DataField<double>("supplied_USD"), new DataField<double>("borrowed_USD"), new DataField<double>("liquidations"),
            new DataField<double?>("token_balance"), new DataField<double?>("lender_variable_apr"), new DataField<double?>("borrower_variable_apr"));
        var data = rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["hour_utc"] = r.Hour.UtcDateTime, ["timestamp"] = r.SnapshotTimestamp, ["block"] = r.Block,
            ["supplied_USD"] = r.SuppliedUsd, ["borrowed_USD"] = r.BorrowedUsd, ["liquidations"] = r.LiquidationsUsd,
            ["token_balance"] = double.IsNaN(r.SuppliedTokens) ? null : r.SuppliedTokens,
            ["lender_variable_apr"] = double.IsNaN(r.SupplyRatePct) ? null : r.SupplyRatePct,
            ["borrower_variable_apr"] = double.IsNaN(r.BorrowRatePct) ? null : r.BorrowRatePct,
        }).ToList();
        await using var stream = File.Create(path);
        await ParquetSerializer.SerializeUntypedAsync(data, schema, stream);
    }
}
