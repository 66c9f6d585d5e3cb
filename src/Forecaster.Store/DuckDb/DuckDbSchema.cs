using DuckDB.NET.Data;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The embedded store's tables. Hours are keyed by (market, unix hour) and stored as BIGINT seconds so no time-zone
/// conversion can creep in between .NET and DuckDB. Missing rates are NULL (NaN in the domain).
/// </summary>
internal static class DuckDbSchema
{
    // 2: gross hourly flows (nullable) added to market_hours. 3: deposits in raw token units (nullable).
    public const int Version = 3;

    public static void Ensure(DuckDBConnection connection)
    {
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS markets (
                name VARCHAR PRIMARY KEY,
                protocol VARCHAR NOT NULL,
                chain VARCHAR NOT NULL,
                asset VARCHAR NOT NULL,
                pool_address VARCHAR,
                is_simulated BOOLEAN NOT NULL);
            CREATE TABLE IF NOT EXISTS market_hours (
                market VARCHAR NOT NULL,
                hour BIGINT NOT NULL,
                supplied_usd DOUBLE NOT NULL,
                borrowed_usd DOUBLE NOT NULL,
                liquidations_usd DOUBLE NOT NULL,
                supply_rate_pct DOUBLE,
                borrow_rate_pct DOUBLE,
                quality INTEGER NOT NULL,
                snapshot_ts BIGINT NOT NULL,
                block BIGINT NOT NULL,
                PRIMARY KEY (market, hour));
            CREATE TABLE IF NOT EXISTS price_hours (
                symbol VARCHAR NOT NULL,
                hour BIGINT NOT NULL,
                price_usd DOUBLE NOT NULL,
                observed_ms BIGINT NOT NULL,
                PRIMARY KEY (symbol, hour));
            """);
        Execute(connection, MarketHourSql.AddLaterColumns("DOUBLE"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM schema_info";
        var stored = command.ExecuteScalar();
        if (stored is null or DBNull)
        {
            Execute(connection, $"INSERT INTO schema_info VALUES ({Version})");
        }
        else if (Convert.ToInt32(stored) > Version)
        {
            throw new ForecasterException($"The store was written by a newer Forecaster (schema {stored}, this build reads {Version}).");
        }
        else if (Convert.ToInt32(stored) < Version)
        {
            Execute(connection, $"UPDATE schema_info SET version = {Version}");
        }
    }

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A command with named parameters ($name in the SQL); a null value is SQL NULL.</summary>
    public static DuckDBCommand Command(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        return command;
    }
}
