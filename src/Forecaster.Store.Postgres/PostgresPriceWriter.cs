using Dapper;
using Forecaster.Prices;
using Npgsql;
using NpgsqlTypes;

namespace Forecaster.Store.Postgres;

/// <summary>
/// The upsert behind <see cref="PostgresMarketStore.UpsertPricesAsync"/>, with the embedded store's semantics: copy every
/// incoming hour into a staging table, classify each against what is stored, merge the new and changed ones, all in one
/// transaction under the writers' advisory lock.
/// </summary>
internal static class PostgresPriceWriter
{
    public static async Task<IReadOnlyList<PriceUpsertResult>> WriteAsync(NpgsqlConnection connection, IReadOnlyList<PriceBatch> batches, CancellationToken cancellationToken)
    {
        PriceBatch.EnsureValid(batches);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = PostgresSchema.LockKey }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("CREATE TEMP TABLE staging_prices (LIKE price_hours) ON COMMIT DROP", transaction: transaction, cancellationToken: cancellationToken));
        await using (var importer = await connection.BeginBinaryImportAsync("COPY staging_prices (symbol, hour, price_usd, observed_ms) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var batch in batches)
            {
                foreach (var h in batch.Hours)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(batch.Symbol, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(h.Hour.ToUnixTimeSeconds(), NpgsqlDbType.Bigint, cancellationToken);
                    await importer.WriteAsync(h.PriceUsd, NpgsqlDbType.Double, cancellationToken);
                    await importer.WriteAsync(h.ObservedAt, NpgsqlDbType.Bigint, cancellationToken);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        var counts = (await connection.QueryAsync<(string Symbol, long Inserted, long Updated, long Unchanged)>(new CommandDefinition(PriceHourSql.Classify, transaction: transaction, cancellationToken: cancellationToken))).ToDictionary(c => c.Symbol);
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO price_hours
            {PriceHourSql.RowsToMerge}
            ON CONFLICT (symbol, hour) DO UPDATE SET price_usd = excluded.price_usd, observed_ms = excluded.observed_ms
            """, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return batches.Select(b => counts.TryGetValue(b.Symbol, out var c)
            ? new PriceUpsertResult(c.Symbol, c.Inserted, c.Updated, c.Unchanged)
            : new PriceUpsertResult(b.Symbol, 0, 0, 0)).ToList();
    }
}
