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
    private const string Changed = "(s.price_usd IS DISTINCT FROM p.price_usd OR s.observed_ms IS DISTINCT FROM p.observed_ms)";

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
        var counts = (await connection.QueryAsync<(string Symbol, long Inserted, long Updated, long Unchanged)>(new CommandDefinition($"""
            SELECT s.symbol,
                count(*) FILTER (WHERE p.symbol IS NULL),
                count(*) FILTER (WHERE p.symbol IS NOT NULL AND {Changed}),
                count(*) FILTER (WHERE p.symbol IS NOT NULL AND NOT {Changed})
            FROM staging_prices s LEFT JOIN price_hours p ON p.symbol = s.symbol AND p.hour = s.hour
            GROUP BY s.symbol
            """, transaction: transaction, cancellationToken: cancellationToken))).ToDictionary(c => c.Symbol);
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO price_hours
            SELECT s.* FROM staging_prices s LEFT JOIN price_hours p ON p.symbol = s.symbol AND p.hour = s.hour
            WHERE p.symbol IS NULL OR {Changed}
            ON CONFLICT (symbol, hour) DO UPDATE SET price_usd = excluded.price_usd, observed_ms = excluded.observed_ms
            """, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return batches.Select(b => counts.TryGetValue(b.Symbol, out var c)
            ? new PriceUpsertResult(c.Symbol, c.Inserted, c.Updated, c.Unchanged)
            : new PriceUpsertResult(b.Symbol, 0, 0, 0)).ToList();
    }
}
