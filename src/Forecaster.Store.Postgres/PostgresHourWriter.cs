using Dapper;
using Forecaster.Pipeline;
using Npgsql;
using NpgsqlTypes;

namespace Forecaster.Store.Postgres;

/// <summary>
/// The upsert behind <see cref="PostgresMarketStore.UpsertAsync"/>, with the embedded store's semantics: copy every
/// incoming hour into a staging table, classify each against what is stored (new, changed, unchanged, older than
/// stored), then merge the new and changed ones, all in one transaction.
/// </summary>
internal static class PostgresHourWriter
{
    public static async Task<IReadOnlyList<UpsertResult>> WriteAsync(NpgsqlConnection connection, IReadOnlyList<MarketBatch> batches, CancellationToken cancellationToken)
    {
        MarketBatch.EnsureDistinct(batches);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One writer at a time across processes: the classification below and the merge must see the same stored rows,
        // or two workers writing the same hours would both count them as inserted.
        await Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", new { key = PostgresSchema.LockKey }, cancellationToken);
        await Execute(connection, transaction, $"""
            CREATE TEMP TABLE staging_hours (LIKE market_hours) ON COMMIT DROP;
            CREATE TEMP TABLE staging_spans ({MarketHourSql.SpanColumns}) ON COMMIT DROP;
            """, null, cancellationToken);
        foreach (var batch in batches)
        {
            await Execute(connection, transaction, """
                INSERT INTO markets VALUES (@Name, @Protocol, @Chain, @Asset, @PoolAddress, @IsSimulated)
                ON CONFLICT (name) DO UPDATE SET protocol = excluded.protocol, chain = excluded.chain, asset = excluded.asset,
                    pool_address = coalesce(excluded.pool_address, markets.pool_address), is_simulated = excluded.is_simulated
                """, batch.Market, cancellationToken);
        }
        await CopyStagingAsync(connection, batches, cancellationToken);
        foreach (var batch in batches)
            if (batch.AuthoritativeFrom is { } from)
                await Execute(connection, transaction, "INSERT INTO staging_spans VALUES (@market, @from)",
                    new { market = batch.Market.Name, from = from.ToUnixTimeSeconds() }, cancellationToken);
        var counts = (await connection.QueryAsync<(string Market, long Inserted, long Updated, long Unchanged, long KeptNewer)>(new CommandDefinition(MarketHourSql.Classify, transaction: transaction, cancellationToken: cancellationToken))).ToDictionary(c => c.Market);
        var removed = (await connection.QueryAsync<(string Market, long Removed)>(new CommandDefinition(MarketHourSql.CountOrphaned, transaction: transaction, cancellationToken: cancellationToken))).ToDictionary(c => c.Market, c => c.Removed);
        await Execute(connection, transaction, $"""
            INSERT INTO market_hours {MarketHourSql.RowsToMerge}
            ON CONFLICT (market, hour) DO UPDATE SET ({MarketHourSql.ValueColumns}) = ({Excluded(MarketHourSql.ValueColumns)});
            {MarketHourSql.RemoveOrphaned};
            """, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batches.Select(b => counts.TryGetValue(b.Market.Name, out var c)
            ? new UpsertResult(c.Market, c.Inserted, c.Updated, c.Unchanged, c.KeptNewer) { Removed = removed.GetValueOrDefault(c.Market) }
            : new UpsertResult(b.Market.Name, 0, 0, 0, 0)).ToList();
    }

    private static string Excluded(string columns) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => "excluded." + c));

    private static Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    // Binary COPY is PostgreSQL's bulk path: one round trip for a year of hourly rows instead of one per row.
    private static async Task CopyStagingAsync(NpgsqlConnection connection, IReadOnlyList<MarketBatch> batches, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY staging_hours (market, hour, {MarketHourSql.ValueColumns}) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var batch in batches)
        {
            foreach (var h in batch.Hours)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(batch.Market.Name, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(h.Hour.ToUnixTimeSeconds(), NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(h.SuppliedUsd, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(h.BorrowedUsd, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(h.LiquidationsUsd, NpgsqlDbType.Double, cancellationToken);
                await WriteUnlessNaNAsync(importer, h.SupplyRatePct, cancellationToken);
                await WriteUnlessNaNAsync(importer, h.BorrowRatePct, cancellationToken);
                await importer.WriteAsync((int)h.Quality, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(h.SnapshotTimestamp, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(h.Block, NpgsqlDbType.Bigint, cancellationToken);
                await WriteFlowAsync(importer, h.Flows?.DepositsUsd, cancellationToken);
                await WriteFlowAsync(importer, h.Flows?.WithdrawalsUsd, cancellationToken);
                await WriteFlowAsync(importer, h.Flows?.BorrowsUsd, cancellationToken);
                await WriteFlowAsync(importer, h.Flows?.RepaysUsd, cancellationToken);
                await WriteUnlessNaNAsync(importer, h.SuppliedTokens, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    // NaN means "unknown" in the domain (rates, token balances); stored as NULL like the embedded store, so comparisons
    // treat two unknowns as equal.
    private static Task WriteUnlessNaNAsync(NpgsqlBinaryImporter importer, double value, CancellationToken cancellationToken) =>
        double.IsNaN(value) ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);

    // Gross flows are unknown (NULL) for snapshot data.
    private static Task WriteFlowAsync(NpgsqlBinaryImporter importer, double? amount, CancellationToken cancellationToken) =>
        amount is { } a ? importer.WriteAsync(a, NpgsqlDbType.Double, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
