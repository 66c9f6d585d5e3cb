using System.Text.Json;

namespace Forecaster.Pipeline;

/// <summary>The replay's JSON: <c>episodes</c> (market, start, recommendedBufferUsd, realizedOutflowUsd, covered, ...) and <c>coveredShare</c>.</summary>
public static class ReplayJsonWriter
{
    /// <summary>The result as JSON.</summary>
    public static string ToJson(ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        static double? Finite(double v) => double.IsFinite(v) ? v : null;
        return JsonSerializer.Serialize(new
        {
            profile = result.Appetite.ToString().ToLowerInvariant(),
            episodes = result.Episodes.Select(e => new
            {
                market = e.Market,
                start = e.Start,
                hoursBefore = e.HoursBefore,
                depositsUsd = e.DepositsUsd,
                recommendedBufferUsd = e.RecommendedBufferUsd,
                realizedOutflowUsd = e.RealizedOutflowUsd,
                covered = e.Covered,
            }),
            coveredShare = Finite(result.CoveredShare),
            coveredShare72h = Finite(result.CoveredShare72h),
            meanBufferShareOfDeposits = Finite(result.MeanBufferShareOfDeposits),
            flatRuleShare = ReplayResult.FlatRuleShare,
            skipped = result.Skipped,
        }, new JsonSerializerOptions { WriteIndented = true });
    }
}
