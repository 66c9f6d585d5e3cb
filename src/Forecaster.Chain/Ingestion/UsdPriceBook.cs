using Forecaster.Chain.Aave;
using Forecaster.Prices;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// Values each reserve's hours in USD: at the stored hourly price of its symbol (<c>forecaster ingest prices</c>) for that hour,
/// or the latest earlier stored hour when that one has none (never a later one); at the reserve's fixed price
/// (<see cref="ReserveInfo.UsdPrice"/>) where no stored price is at or before the hour. Counts which was used, for the run's notes.
/// </summary>
public sealed class UsdPriceBook
{
    private readonly IReadOnlyDictionary<string, PriceHour[]> _stored;
    private readonly Dictionary<string, (long Stored, long Fixed)> _used = new();

    /// <summary>A book over stored hours by asset (time order); assets without stored hours use their fixed price.</summary>
    public UsdPriceBook(IReadOnlyDictionary<string, PriceHour[]> storedByAsset) => _stored = storedByAsset;

    /// <summary>Every reserve at its fixed price.</summary>
    public static UsdPriceBook Fixed { get; } = new(new Dictionary<string, PriceHour[]>());

    /// <summary>USD per whole token of a reserve for the hour starting at <paramref name="hour"/>.</summary>
    /// <exception cref="ForecasterException">Neither a stored price at or before the hour nor a fixed price.</exception>
    public double PriceAt(ReserveInfo reserve, DateTimeOffset hour)
    {
        var counts = _used.GetValueOrDefault(reserve.Asset);
        if (_stored.TryGetValue(reserve.Asset, out var hours))
        {
            var index = LatestAtOrBefore(hours, hour);
            if (index >= 0)
            {
                _used[reserve.Asset] = counts with { Stored = counts.Stored + 1 };
                return hours[index].PriceUsd;
            }
        }
        if (double.IsNaN(reserve.UsdPrice))
            throw new ForecasterException($"Reserve {reserve.Symbol} has no stored price at or before hour {hour:yyyy-MM-dd HH:mm}Z" +
                                          (hours is null ? "" : $" (stored from {hours[0].Hour:yyyy-MM-dd HH:mm}Z)") +
                                          $": pass --usd-price {reserve.Symbol}=PRICE for the hours before its stored prices.");
        _used[reserve.Asset] = counts with { Fixed = counts.Fixed + 1 };
        return reserve.UsdPrice;
    }

    /// <summary>How the hours of a reserve were valued, for the run's log.</summary>
    public string Describe(ReserveInfo reserve)
    {
        var (stored, fixedHours) = _used.GetValueOrDefault(reserve.Asset);
        if (!_stored.ContainsKey(reserve.Asset))
            return $"{reserve.MarketName}: valued at the fixed price {reserve.UsdPrice} USD (the store has no {reserve.Symbol} prices; see ingest prices)";
        return $"{reserve.MarketName}: {stored} hours valued at stored {reserve.Symbol} prices" +
               (fixedHours > 0 ? $", {fixedHours} before the first stored price at the fixed price {reserve.UsdPrice} USD" : "");
    }

    private static readonly IComparer<PriceHour> ByHour = Comparer<PriceHour>.Create((a, b) => a.Hour.CompareTo(b.Hour));

    // Index of the stored hour at or before the hour, or -1.
    private static int LatestAtOrBefore(PriceHour[] hours, DateTimeOffset hour)
    {
        var index = Array.BinarySearch(hours, new PriceHour(hour, 0, 0), ByHour);
        return index >= 0 ? index : ~index - 1;
    }
}
