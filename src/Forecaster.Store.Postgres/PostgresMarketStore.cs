using Dapper;
using Forecaster.Markets;
using Forecaster.Pipeline;
using Forecaster.Prices;
using Npgsql;

namespace Forecaster.Store.Postgres;

/// <summary>
/// The server market store: PostgreSQL, shared by any number of worker processes. Same semantics as the embedded
/// DuckDB store (atomic upsert with inserted/updated/unchanged/kept-newer counts); writes from different processes
/// are serialized by a transaction-scoped advisory lock, reads are not.
/// </summary>
public sealed class PostgresMarketStore : IMarketStore, IPriceStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresMarketStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Connects (creating the tables if needed) to the database a connection string names.</summary>
    /// <exception cref="ForecasterException">The database cannot be reached or was written by a newer build. The message never holds the password.</exception>
    public static async Task<PostgresMarketStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the bad keyword, not the value, so it is safe to show.
            throw new ForecasterException($"The PostgreSQL connection string is not valid: {e.Message.Split('\n')[0]}", e);
        }
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await PostgresSchema.EnsureAsync(connection, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException)
        {
            await dataSource.DisposeAsync();
            throw new ForecasterException($"Cannot open the PostgreSQL store at {Describe(connectionString)}: {e.Message.Split('\n')[0]}", e);
        }
        return new PostgresMarketStore(dataSource);
    }

    /// <summary>Host, port and database of a connection string, for messages: never the user's password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            return "(unparsable connection string)";
        }
    }

    /// <summary>The pooled data source, for other tables kept in the same database.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpsertResult>> UpsertAsync(IReadOnlyList<MarketBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgresHourWriter.WriteAsync(connection, batches, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Market>> GetMarketsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Protocol, string Chain, string Asset, string? Pool, bool Simulated)>(new CommandDefinition(
            "SELECT name, protocol, chain, asset, pool_address, is_simulated FROM markets ORDER BY name COLLATE \"C\"", cancellationToken: cancellationToken));
        return rows.Select(r => new Market(r.Name, r.Protocol, r.Chain, r.Asset, r.Pool, r.Simulated)).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MarketHour>> GetHoursAsync(string market, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM markets WHERE name = @market", new { market }, cancellationToken: cancellationToken));
        if (exists == 0) throw new UnknownMarketException(market);
        await using var command = new NpgsqlCommand(MarketHourSql.SelectHours('@'), connection);
        command.Parameters.AddWithValue("market", market);
        command.Parameters.AddWithValue("from", from?.ToUnixTimeSeconds() ?? long.MinValue);
        command.Parameters.AddWithValue("to", to?.ToUnixTimeSeconds() ?? long.MaxValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await MarketHourRows.ReadAllAsync(reader, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetLatestHourAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var seconds = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT max(hour) FROM market_hours", cancellationToken: cancellationToken));
        return seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> CountHoursAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, long Count)>(new CommandDefinition(
            "SELECT m.name, count(h.hour) FROM markets m LEFT JOIN market_hours h ON h.market = m.name GROUP BY m.name ORDER BY m.name COLLATE \"C\"", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Name, r => r.Count);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PriceUpsertResult>> UpsertPricesAsync(IReadOnlyList<PriceBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgresPriceWriter.WriteAsync(connection, batches, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetPriceSymbolsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT symbol FROM price_hours GROUP BY symbol ORDER BY symbol COLLATE \"C\"", cancellationToken: cancellationToken))).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PriceHour>> GetPricesAsync(string symbol, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Hour, double Price, long Observed)>(new CommandDefinition(
            "SELECT hour, price_usd, observed_ms FROM price_hours WHERE symbol = @symbol AND hour >= @from AND hour <= @to ORDER BY hour",
            new { symbol = symbol.ToUpperInvariant(), from = from?.ToUnixTimeSeconds() ?? long.MinValue, to = to?.ToUnixTimeSeconds() ?? long.MaxValue },
            cancellationToken: cancellationToken));
        return rows.Select(r => new PriceHour(DateTimeOffset.FromUnixTimeSeconds(r.Hour), r.Price, r.Observed)).ToList();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
