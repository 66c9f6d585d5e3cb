using Forecaster.Markets;

namespace Forecaster.Ingest.Snapshots;

/// <summary>The hours of one market after cleaning, and what cleaning found.</summary>
/// <param name="Hours">Hours in time order, one per hour, each with its quality flags.</param>
/// <param name="SkippedPreOpen">All-zero rows before the market opened, not stored.</param>
/// <param name="Stale">Hours forward-filled by the source (flagged, stored).</param>
/// <param name="UtilizationAboveOne">Hours whose borrows exceed deposits (flagged, stored as read).</param>
/// <param name="Gaps">Places where the hourly grid has a hole.</param>
/// <param name="MissingHours">Hours missing in those holes.</param>
/// <param name="MissingRates">Hours without supply or borrow rate (flagged, stored with NaN).</param>
/// <param name="Superseded">Rows replaced by the same hour from a later file of the same run.</param>
/// <param name="Duplicates">Rows repeating an hour already seen in the same file: malformed, rejected.</param>
public sealed record CleanedMarket(
    IReadOnlyList<MarketHour> Hours,
    long SkippedPreOpen,
    long Stale,
    long UtilizationAboveOne,
    long Gaps,
    long MissingHours,
    long MissingRates,
    long Superseded,
    IReadOnlyList<RowRejection> Duplicates);
