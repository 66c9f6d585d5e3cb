namespace Forecaster.Ingest.Snapshots;

/// <summary>What ingesting one market's files did, for the run's printout.</summary>
public sealed record MarketIngestSummary(
    string Market,
    IReadOnlyList<string> Files,
    long RowsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long KeptNewer,
    CleanedMarket Cleaning,
    long Rejected)
{
    /// <summary>Hours that carry at least one quality flag counted here.</summary>
    public long Flagged => Cleaning.Stale + Cleaning.UtilizationAboveOne + Cleaning.Gaps + Cleaning.MissingRates;

    /// <summary>One line: rows read, stored, updated, skipped, flagged, rejected.</summary>
    public string Describe() =>
        $"{Market}: read {RowsRead:N0} rows; stored {Inserted:N0} new, updated {Updated:N0}, unchanged {Unchanged:N0}" +
        (KeptNewer > 0 ? $", kept {KeptNewer:N0} newer stored" : "") +
        $"; skipped {Cleaning.SkippedPreOpen:N0} pre-open zero rows" +
        (Cleaning.Superseded > 0 ? $", {Cleaning.Superseded:N0} superseded by a later file" : "") +
        $"; flagged {Cleaning.Stale:N0} stale, {Cleaning.UtilizationAboveOne:N0} utilization>1, " +
        $"{Cleaning.Gaps:N0} gaps ({Cleaning.MissingHours:N0} missing hours), {Cleaning.MissingRates:N0} missing rates; rejected {Rejected:N0}";
}
