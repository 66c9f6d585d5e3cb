using System.Collections.Concurrent;

namespace Forecaster.Jobs.Ledger;

/// <summary>The ledger of a single process (Hangfire.InMemory): lost on restart, like the in-memory queue it goes with.</summary>
public sealed class InMemoryStageLedger : IStageLedger
{
    private readonly ConcurrentDictionary<(string Stage, string Key, DateTimeOffset AsOf), StageRecord> _records = new();

    /// <inheritdoc />
    public Task<bool> TryRecordAsync(StageRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(_records.TryAdd((record.Stage, record.Key, record.AsOf), record));
    }

    /// <inheritdoc />
    public Task<StageRecord?> GetAsync(string stage, string key, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.GetValueOrDefault((stage, key, asOf)));

    /// <inheritdoc />
    public Task<IReadOnlyList<StageRecord>> ListAsync(string stage, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StageRecord>>(_records.Values.Where(r => r.Stage == stage && r.AsOf == asOf).OrderBy(r => r.Key, StringComparer.Ordinal).ToList());

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLatestAsOfAsync(string stage, string? key = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.Values.Where(r => r.Stage == stage && (key is null || r.Key == key)).Select(r => (DateTimeOffset?)r.AsOf).Max());
}
