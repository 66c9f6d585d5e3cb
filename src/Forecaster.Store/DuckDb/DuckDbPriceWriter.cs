using DuckDB.NET.Data;
using Forecaster.Prices;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The upsert behind <see cref="DuckDbMarketStore.UpsertPricesAsync"/>: every incoming hour goes to a staging table by
/// the appender, is classified against what is stored (new, changed, unchanged) and the new and changed ones are
/// merged, all in one transaction.
/// </summary>
internal static class DuckDbPriceWriter
{
    private const string Changed = "(s.price_usd IS DISTINCT FROM p.price_usd OR s.observed_ms IS DISTINCT FROM p.observed_ms)";

    public static IReadOnlyList<PriceUpsertResult> Write(DuckDBConnection connection, IReadOnlyList<PriceBatch> batches)
    {
        PriceBatch.EnsureValid(batches);
        using var transaction = connection.BeginTransaction();
        try
        {
            DuckDbSchema.Execute(connection, "CREATE TABLE staging_prices AS SELECT * FROM price_hours LIMIT 0");
            using (var appender = connection.CreateAppender("staging_prices"))
            {
                foreach (var batch in batches)
                {
                    foreach (var h in batch.Hours)
                        appender.CreateRow().AppendValue(batch.Symbol).AppendValue(h.Hour.ToUnixTimeSeconds()).AppendValue(h.PriceUsd).AppendValue(h.ObservedAt).EndRow();
                }
            }
            var counts = new Dictionary<string, PriceUpsertResult>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"""
                    SELECT s.symbol,
                        count(*) FILTER (WHERE p.symbol IS NULL),
                        count(*) FILTER (WHERE p.symbol IS NOT NULL AND {Changed}),
                        count(*) FILTER (WHERE p.symbol IS NOT NULL AND NOT {Changed})
                    FROM staging_prices s LEFT JOIN price_hours p ON p.symbol = s.symbol AND p.hour = s.hour
                    GROUP BY s.symbol
                    """;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    counts[reader.GetString(0)] = new PriceUpsertResult(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
            DuckDbSchema.Execute(connection, $"""
                INSERT OR REPLACE INTO price_hours
                    SELECT s.* FROM staging_prices s LEFT JOIN price_hours p ON p.symbol = s.symbol AND p.hour = s.hour
                    WHERE p.symbol IS NULL OR {Changed};
                DROP TABLE staging_prices;
                """);
            transaction.Commit();
            return batches.Select(b => counts.TryGetValue(b.Symbol, out var c) ? c : new PriceUpsertResult(b.Symbol, 0, 0, 0)).ToList();
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }
}
