using Dapper;
using Npgsql;

namespace Forecaster.Store.Postgres;

/// <summary>
/// The server store's tables, the same shape as the embedded store's: hours keyed by (market, unix hour) as BIGINT
/// seconds so no time-zone conversion creeps in, missing rates as NULL.
/// </summary>
internal static class PostgresSchema
{
    // 2: gross hourly flows (nullable) added to market_hours. 3: deposits in raw token units (nullable).
    public const int Version = 3;

    // Any fixed number: serializes schema creation and writes across every process sharing the database.
    public const long LockKey = 0x46_6F_72_65_63_61_73;

    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two workers starting together would otherwise race on CREATE TABLE IF NOT EXISTS (a unique violation in pg_type).
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = LockKey }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            CREATE TABLE IF NOT EXISTS forecaster_schema_info (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS markets (
                name TEXT PRIMARY KEY,
                protocol TEXT NOT NULL,
                chain TEXT NOT NULL,
                asset TEXT NOT NULL,
                pool_address TEXT,
                is_simulated BOOLEAN NOT NULL);
            CREATE TABLE IF NOT EXISTS market_hours (
                market TEXT NOT NULL REFERENCES markets (name),
                hour BIGINT NOT NULL,
                supplied_usd DOUBLE PRECISION NOT NULL,
                borrowed_usd DOUBLE PRECISION NOT NULL,
                liquidations_usd DOUBLE PRECISION NOT NULL,
                supply_rate_pct DOUBLE PRECISION,
                borrow_rate_pct DOUBLE PRECISION,
                quality INTEGER NOT NULL,
                snapshot_ts BIGINT NOT NULL,
                block BIGINT NOT NULL,
                PRIMARY KEY (market, hour));
            CREATE TABLE IF NOT EXISTS price_hours (
                symbol TEXT NOT NULL,
                hour BIGINT NOT NULL,
                price_usd DOUBLE PRECISION NOT NULL,
                observed_ms BIGINT NOT NULL,
                PRIMARY KEY (symbol, hour));
            """ + MarketHourSql.AddLaterColumns("DOUBLE PRECISION"), transaction: transaction, cancellationToken: cancellationToken));
        var stored = await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT max(version) FROM forecaster_schema_info", transaction: transaction, cancellationToken: cancellationToken));
        if (stored is null)
            await connection.ExecuteAsync(new CommandDefinition($"INSERT INTO forecaster_schema_info VALUES ({Version})", transaction: transaction, cancellationToken: cancellationToken));
        else if (stored > Version)
            throw new ForecasterException($"The PostgreSQL store was written by a newer Forecaster (schema {stored}, this build reads {Version}).");
        else if (stored < Version)
            await connection.ExecuteAsync(new CommandDefinition($"UPDATE forecaster_schema_info SET version = {Version}", transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
