using DuckDB.NET.Data;
using Forecaster.Markets;
using Forecaster.Pipeline;
using Forecaster.Prices;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The embedded market store: one DuckDB file, one writer process at a time. Writes go through a staging table filled
/// by DuckDB's appender (the fast path) and are merged in one transaction, so a failed write leaves the file as it was.
/// </summary>
public sealed class DuckDbMarketStore : IMarketStore, IPriceStore
{
    private readonly DuckDBConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private DuckDbMarketStore(DuckDBConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The default location, relative to the working directory.</summary>
    public const string DefaultPath = "data/forecaster.duckdb";

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the store at a path.</summary>
    /// <exception cref="ForecasterException">The file cannot be opened, e.g. another process holds it.</exception>
    public static DuckDbMarketStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var connection = new DuckDBConnection($"Data Source={full}");
        try
        {
            connection.Open();
            DuckDbSchema.Ensure(connection);
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new ForecasterException($"Cannot open the store {path}: {e.Message.Split('\n')[0]}", e);
        }
        return new DuckDbMarketStore(connection, full);
    }

    /// <summary>The open connection, for other stores sharing the same file (flows, checkpoints).</summary>
    public DuckDBConnection Connection => _connection;

    /// <inheritdoc />
    public Task<IReadOnlyList<UpsertResult>> UpsertAsync(IReadOnlyList<MarketBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return Serialized<IReadOnlyList<UpsertResult>>(() => DuckDbHourWriter.Write(_connection, batches), cancellationToken);
    }

    /// <summary>
    /// <see cref="UpsertAsync"/> inside the transaction open on <see cref="Connection"/> (a flow store's, which shares it), which
    /// its owner commits or rolls back.
    /// </summary>
    internal Task<IReadOnlyList<UpsertResult>> UpsertWithinAsync(IReadOnlyList<MarketBatch> batches, CancellationToken cancellationToken) =>
        Serialized(() => DuckDbHourWriter.WriteWithin(_connection, batches), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Market>> GetMarketsAsync(CancellationToken cancellationToken = default)
    {
        return Serialized<IReadOnlyList<Market>>(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT name, protocol, chain, asset, pool_address, is_simulated FROM markets ORDER BY name";
            using var reader = command.ExecuteReader();
            var markets = new List<Market>();
            while (reader.Read())
            {
                markets.Add(new Market(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetBoolean(5)));
            }
            return markets;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MarketHour>> GetHoursAsync(string market, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        return SerializedAsync<IReadOnlyList<MarketHour>>(async () =>
        {
            using var exists = DuckDbSchema.Command(_connection, "SELECT count(*) FROM markets WHERE name = $name", ("name", market));
            if (Convert.ToInt64(exists.ExecuteScalar()) == 0) throw new UnknownMarketException(market);

            using var command = DuckDbSchema.Command(_connection, MarketHourSql.SelectHours('$'),
                ("market", market), ("from", from?.ToUnixTimeSeconds() ?? long.MinValue), ("to", to?.ToUnixTimeSeconds() ?? long.MaxValue));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await MarketHourRows.ReadAllAsync(reader, cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLatestHourAsync(CancellationToken cancellationToken = default)
    {
        return Serialized<DateTimeOffset?>(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT max(hour) FROM market_hours";
            return command.ExecuteScalar() is long seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> CountHoursAsync(CancellationToken cancellationToken = default)
    {
        return Serialized<IReadOnlyDictionary<string, long>>(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT m.name, count(h.hour) FROM markets m LEFT JOIN market_hours h ON h.market = m.name GROUP BY m.name ORDER BY m.name";
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<string, long>();
            while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt64(1);
            return counts;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PriceUpsertResult>> UpsertPricesAsync(IReadOnlyList<PriceBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return Serialized<IReadOnlyList<PriceUpsertResult>>(() => DuckDbPriceWriter.Write(_connection, batches), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetPriceSymbolsAsync(CancellationToken cancellationToken = default)
    {
        return Serialized<IReadOnlyList<string>>(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT symbol FROM price_hours ORDER BY symbol";
            using var reader = command.ExecuteReader();
            var symbols = new List<string>();
            while (reader.Read()) symbols.Add(reader.GetString(0));
            return symbols;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PriceHour>> GetPricesAsync(string symbol, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Serialized<IReadOnlyList<PriceHour>>(() =>
        {
            using var command = DuckDbSchema.Command(_connection,
                "SELECT hour, price_usd, observed_ms FROM price_hours WHERE symbol = $symbol AND hour >= $from AND hour <= $to ORDER BY hour",
                ("symbol", symbol.ToUpperInvariant()), ("from", from?.ToUnixTimeSeconds() ?? long.MinValue), ("to", to?.ToUnixTimeSeconds() ?? long.MaxValue));
            using var reader = command.ExecuteReader();
            var hours = new List<PriceHour>();
            while (reader.Read())
                hours.Add(new PriceHour(DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(0)), reader.GetDouble(1), reader.GetInt64(2)));
            return hours;
        }, cancellationToken);
    }

    // One command at a time: the store's single DuckDB connection must not be used by two callers at once.
    private async Task<T> SerializedAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task<T> Serialized<T>(Func<T> work, CancellationToken cancellationToken) => SerializedAsync(() => Task.FromResult(work()), cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
