using Forecaster.Markets;

namespace Forecaster.Ingest.Snapshots;

/// <summary>One market's snapshot rows, read from its files and cleaned, before anything is stored.</summary>
/// <param name="Market">The market.</param>
/// <param name="Files">The files its rows came from, as named in messages.</param>
/// <param name="RowsRead">Rows read from those files, good and bad.</param>
/// <param name="Cleaned">The cleaned hourly series and what cleaning found.</param>
/// <param name="Rejections">Rows that could not be used (lenient mode; strict mode throws on the first).</param>
public sealed record LoadedMarket(Market Market, IReadOnlyList<string> Files, long RowsRead, CleanedMarket Cleaned, IReadOnlyList<RowRejection> Rejections)
{
    /// <summary>The cleaned hours, time order.</summary>
    public IReadOnlyList<MarketHour> Hours => Cleaned.Hours;
}
