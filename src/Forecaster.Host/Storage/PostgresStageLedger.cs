using Dapper;
using Forecaster.Jobs.Ledger;
using Npgsql;

namespace Forecaster.Host.Storage;

/// <summary>
/// The stage ledger in PostgreSQL, beside Hangfire's tables: its primary key (stage, key, as-of) is what makes a result
/// unique across workers, so a job finished again by a second worker after the first died still leaves one row.
/// </summary>
public sealed class PostgresStageLedger(NpgsqlDataSource dataSource) : IStageLedger
{
    private const string Columns = "stage, key, as_of, started_at, completed_at, worker, payload";

    /// <summary>Creates the table if needed.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(7021)", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            CREATE TABLE IF NOT EXISTS forecaster_stage_results (
                stage TEXT NOT NULL, key TEXT NOT NULL, as_of BIGINT NOT NULL,
                started_at BIGINT NOT NULL, completed_at BIGINT NOT NULL, worker TEXT NOT NULL, payload TEXT NOT NULL,
                PRIMARY KEY (stage, key, as_of))
            """, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordAsync(StageRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO forecaster_stage_results ({Columns}) VALUES (@Stage, @Key, @AsOf, @StartedAt, @CompletedAt, @Worker, @Payload) ON CONFLICT DO NOTHING",
            Row.From(record), cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <inheritdoc />
    public async Task<StageRecord?> GetAsync(string stage, string key, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM forecaster_stage_results WHERE stage = @stage AND key = @key AND as_of = @asOf",
            new { stage, key, asOf = asOf.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StageRecord>> ListAsync(string stage, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM forecaster_stage_results WHERE stage = @stage AND as_of = @asOf ORDER BY key COLLATE \"C\"",
            new { stage, asOf = asOf.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetLatestAsOfAsync(string stage, string? key = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ms = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(as_of) FROM forecaster_stage_results WHERE stage = @stage AND (@key::text IS NULL OR key = @key)",
            new { stage, key }, cancellationToken: cancellationToken));
        return ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
    }

    // Times as unix milliseconds: no time-zone conversion between .NET and the server.
    private sealed record Row(string Stage, string Key, long As_Of, long Started_At, long Completed_At, string Worker, string Payload)
    {
        public long AsOf => As_Of;
        public long StartedAt => Started_At;
        public long CompletedAt => Completed_At;

        public static object From(StageRecord r) => new
        {
            r.Stage, r.Key, AsOf = r.AsOf.ToUnixTimeMilliseconds(), StartedAt = r.StartedAt.ToUnixTimeMilliseconds(),
            CompletedAt = r.CompletedAt.ToUnixTimeMilliseconds(), r.Worker, r.Payload,
        };

        public StageRecord ToRecord() => new(Stage, Key, DateTimeOffset.FromUnixTimeMilliseconds(As_Of), DateTimeOffset.FromUnixTimeMilliseconds(Started_At),
            DateTimeOffset.FromUnixTimeMilliseconds(Completed_At), Worker, Payload);
    }
}
