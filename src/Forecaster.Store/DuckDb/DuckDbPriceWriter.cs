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
                command.CommandText = PriceHourSql.Classify;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    counts[reader.GetString(0)] = new PriceUpsertResult(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
            DuckDbSchema.Execute(connection, $"""
                INSERT OR REPLACE INTO price_hours
                    {PriceHourSql.RowsToMerge};
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
