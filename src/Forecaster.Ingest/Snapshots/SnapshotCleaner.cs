using Forecaster.Markets;

namespace Forecaster.Ingest.Snapshots;

/// <summary>
/// Makes an hourly series out of a market's rows, flagging rather than hiding what is wrong with them:
/// repeated snapshot timestamps are stale hours, borrows above deposits are flagged, holes in the grid are counted and
/// the hour after each is flagged, leading all-zero rows (before the market opened) are skipped and counted.
/// </summary>
public static class SnapshotCleaner
{
    /// <summary>Cleans rows of one market, possibly from several files given oldest first (a later file's hour wins).</summary>
    public static CleanedMarket Clean(IEnumerable<SnapshotRow> rows)
    {
        var byHour = new Dictionary<DateTimeOffset, SnapshotRow>();
        var duplicates = new List<RowRejection>();
        long superseded = 0;
        foreach (var row in rows)
        {
            if (byHour.TryGetValue(row.Hour, out var earlier))
            {
                if (earlier.File == row.File)
                {
                    duplicates.Add(new RowRejection(row.File, row.Line, SnapshotSchema.Hour, 0,
                        $"hour {row.Hour:yyyy-MM-ddTHH:mm:ssZ} appears again (first on line {earlier.Line})", ""));
                    continue;
                }
                superseded++;
            }
            byHour[row.Hour] = row;
        }

        var ordered = byHour.Values.OrderBy(r => r.Hour).ToList();
        var first = ordered.FindIndex(r => !r.IsAllZero);
        var skipped = first < 0 ? ordered.Count : first;

        var hours = new List<MarketHour>(ordered.Count - skipped);
        long stale = 0, aboveOne = 0, gaps = 0, missingHours = 0, missingRates = 0;
        SnapshotRow? previous = null;
        for (var i = skipped; i < ordered.Count; i++)
        {
            var row = ordered[i];
            var quality = DataQuality.None;
            if (previous is not null && row.SnapshotTimestamp == previous.SnapshotTimestamp)
            {
                quality |= DataQuality.Stale;
                stale++;
            }
            if (row.BorrowedUsd > row.SuppliedUsd)
            {
                quality |= DataQuality.UtilizationAboveOne;
                aboveOne++;
            }
            if (previous is not null && row.Hour - previous.Hour > HourlyGrid.Step)
            {
                quality |= DataQuality.AfterGap;
                gaps++;
                missingHours += (long)((row.Hour - previous.Hour) / HourlyGrid.Step) - 1;
            }
            if (double.IsNaN(row.SupplyRatePct) || double.IsNaN(row.BorrowRatePct))
            {
                quality |= DataQuality.MissingRates;
                missingRates++;
            }
            hours.Add(new MarketHour(row.Hour, row.SuppliedUsd, row.BorrowedUsd, row.LiquidationsUsd,
                row.SupplyRatePct, row.BorrowRatePct, quality, row.SnapshotTimestamp, row.Block) { SuppliedTokens = row.SuppliedTokens });
            previous = row;
        }
        return new CleanedMarket(hours, skipped, stale, aboveOne, gaps, missingHours, missingRates, superseded, duplicates);
    }
}
