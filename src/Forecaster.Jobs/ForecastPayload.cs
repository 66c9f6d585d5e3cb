using System.Text.Json;
using System.Text.Json.Serialization;
using Forecaster.Risk;

namespace Forecaster.Jobs;

/// <summary>The JSON shape of a recorded forecast (served by /api/markets/{market}/forecast). Unknown numbers are null, never NaN.</summary>
public static class ForecastPayload
{
    /// <summary>Serializer options of every ledger payload.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The payload of an assessment.</summary>
    public static object Of(MarketRiskAssessment a) => new
    {
        market = a.Market.Name,
        simulated = a.Market.IsSimulated,
        asOf = a.AsOf,
        status = a.Status,
        shortfallProbability24h = a.ShortfallProbability24h,
        utilization = a.Current.Utilization,
        availableLiquidityUsd = a.Current.AvailableLiquidityUsd,
        forecasts = a.Forecasts.Select(f => new
        {
            horizonHours = (int)f.Horizon.TotalHours,
            medianUsd = f.MedianUsd,
            lowerUsd = f.LowerUsd,
            upperUsd = f.UpperUsd,
            coverage = f.Coverage,
        }),
        method = a.Method,
    };
}
