using System.Data.Common;
using Forecaster.Markets;

namespace Forecaster.Store;

/// <summary>Reads rows selected by <see cref="MarketHourSql.SelectHours"/> into hours; shared by both stores' readers.</summary>
internal static class MarketHourRows
{
    public static async Task<List<MarketHour>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var hours = new List<MarketHour>();
        while (await reader.ReadAsync(cancellationToken)) hours.Add(Read(reader));
        return hours;
    }

    private static MarketHour Read(DbDataReader r) =>
        new(DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(0)),
            r.GetDouble(1), r.GetDouble(2), r.GetDouble(3),
            NaNIfNull(r, 4), NaNIfNull(r, 5),
            (DataQuality)r.GetInt32(6), r.GetInt64(7), r.GetInt64(8))
        {
            // The four flow columns are written together, so one NULL means the hour has no event-level flows.
            Flows = r.IsDBNull(9) ? null : new GrossFlows(r.GetDouble(9), r.GetDouble(10), r.GetDouble(11), r.GetDouble(12)),
            SuppliedTokens = NaNIfNull(r, 13),
        };

    private static double NaNIfNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? double.NaN : r.GetDouble(ordinal);
}
