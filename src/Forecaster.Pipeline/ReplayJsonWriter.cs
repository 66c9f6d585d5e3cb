using System.Text.Json;

namespace Forecaster.Pipeline;

/// <summary>
/// The replay's JSON: <c>episodes</c> (market, start, recommendedBufferUsd, realizedOutflowUsd, covered, ...) and
/// <c>coveredShare</c>; beside them the flat rule's coverage of the same episodes and the buffer's time average over the
/// sampled days of the history (<c>meanBufferShareOfDeposits</c> stays the mean at the episode points only).
/// </summary>
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
                bufferShareOfDeposits = e.BufferShareOfDeposits,
                flatRuleCovered = e.FlatRuleCovered,
                utilization = Finite(e.Utilization),
                optimalUtilization = Finite(e.OptimalUtilization),
            }),
            coveredShare = Finite(result.CoveredShare),
            coveredShare72h = Finite(result.CoveredShare72h),
            meanBufferShareOfDeposits = Finite(result.MeanBufferShareOfDeposits),
            flatRuleShare = ReplayResult.FlatRuleShare,
            flatRuleCoveredShare = Finite(result.FlatRuleCoveredShare),
            flatRuleCoveredShare72h = Finite(result.FlatRuleCoveredShare72h),
            timeAverageBufferShareOfDeposits = Finite(result.TimeAverageBufferShareOfDeposits),
            timeAverageBufferShareByMarket = result.TimeAverageBufferShareByMarket,
            timeAverageSamples = result.Samples.Count,
            timeAverageSamplingDays = result.Sampling.TotalDays,
            skipped = result.Skipped,
        }, new JsonSerializerOptions { WriteIndented = true });
    }
}
