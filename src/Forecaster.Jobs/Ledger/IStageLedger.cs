namespace Forecaster.Jobs.Ledger;

/// <summary>
/// Where stage results live, shared by every worker: in process for Hangfire.InMemory, a PostgreSQL table with
/// Hangfire.PostgreSql. Recording is insert-once, so two runs of one job (a retry after a crash) leave one result.
/// </summary>
public interface IStageLedger
{
    /// <summary>Stores the record unless one with the same stage, key and as-of exists; true when this call stored it.</summary>
    Task<bool> TryRecordAsync(StageRecord record, CancellationToken cancellationToken = default);

    /// <summary>The record of a stage, key and as-of hour, or null.</summary>
    Task<StageRecord?> GetAsync(string stage, string key, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>Records of a stage at one as-of hour, ordered by key.</summary>
    Task<IReadOnlyList<StageRecord>> ListAsync(string stage, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>The latest as-of hour that has a record of the stage (for <paramref name="key"/> when given), or null.</summary>
    Task<DateTimeOffset?> GetLatestAsOfAsync(string stage, string? key = null, CancellationToken cancellationToken = default);
}
