using System.Text.Json;
using Forecaster.Recommend;

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
            basis = result.Basis,
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
                basis = Basis(e.Target),
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
            samples = result.Samples.Select(s => new
            {
                market = s.Market,
                at = s.At,
                depositsUsd = s.DepositsUsd,
                recommendedBufferUsd = s.RecommendedBufferUsd,
                utilization = Finite(s.Utilization),
                basis = Basis(s.Target),
            }),
            marketsWithHolders = result.MarketsWithHolders,
            marketsWithoutHolders = result.MarketsWithoutHolders,
            skipped = result.Skipped.Select(s => s.ToString()),
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    // The terms of the buffer (the largest holders' only under the concentration basis), so a reader can see which one bound and how far above the kink the weight was raised.
    private static object? Basis(ReserveTarget? t) => t is null ? null : new
    {
        es99Outflow24hUsd = t.Es99Outflow24hUsd,
        scenarioTermUsd = t.ScenarioWeight * t.WorstScenarioOutflowUsd,
        worstScenarioOutflowUsd = t.WorstScenarioOutflowUsd,
        scenarioWeight = t.ScenarioWeight,
        optimalUtilization = double.IsFinite(t.OptimalUtilization) ? t.OptimalUtilization : (double?)null,
        scenarioHorizonHours = t.ScenarioHorizon < TimeSpan.MaxValue ? t.ScenarioHorizon.TotalHours : (double?)null,
        peerStress = t.PeerStress.Stress,
        peerMarket = t.PeerStress.Peer,
        margin = t.Margin,
        largestHolders = t.LargestHolders,
        largestHoldersUsd = double.IsFinite(t.LargestHoldersUsd) ? t.LargestHoldersUsd : (double?)null,
        bufferBeforeHoldersUsd = t.BufferBeforeHoldersUsd,
    };
}
