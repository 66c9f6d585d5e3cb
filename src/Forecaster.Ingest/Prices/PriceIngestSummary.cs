using System.Globalization;

namespace Forecaster.Ingest.Prices;

/// <summary>What ingesting one symbol's files did.</summary>
/// <param name="Symbol">Token, upper case.</param>
/// <param name="Files">The files it came from.</param>
/// <param name="RowsRead">Observations read.</param>
/// <param name="Hours">Hours with a price.</param>
/// <param name="First">First hour.</param>
/// <param name="Last">Last hour.</param>
/// <param name="MissingHours">Hours between first and last without any observation (not filled in).</param>
/// <param name="LongestGapHours">Longest run of such hours.</param>
/// <param name="Inserted">Hours newly stored.</param>
/// <param name="Updated">Hours whose stored price changed.</param>
/// <param name="Unchanged">Hours already stored with the same price.</param>
public sealed record PriceIngestSummary(string Symbol, IReadOnlyList<string> Files, long RowsRead, int Hours, DateTimeOffset First, DateTimeOffset Last,
    int MissingHours, int LongestGapHours, long Inserted, long Updated, long Unchanged)
{
    /// <summary>One line for the console.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Symbol}: read {RowsRead:N0} rows into {Hours:N0} hours {First:yyyy-MM-dd HH:mm}..{Last:yyyy-MM-dd HH:mm} UTC; {MissingHours:N0} hours without a price (longest gap {LongestGapHours} h); stored {Inserted:N0} new, updated {Updated:N0}, unchanged {Unchanged:N0}");
}
