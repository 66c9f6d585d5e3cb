using Forecaster.EarlyWarning;
using Forecaster.Ingest.Snapshots;
using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;

namespace Forecaster.Pipeline;

/// <summary>
/// The evidence behind the recommendations: for each real shortfall episode in snapshot files, the buffer Forecaster would
/// have recommended 24 h and 72 h before it (with data up to then only, from every market in the files) and whether it
/// would have met the deposit outflow that followed until the episode began.
/// </summary>
public static class ReplayService
{
    private static readonly int[] Leads = [24, 72];

    /// <summary>Replays every episode in the files.</summary>
    /// <exception cref="ForecasterException">A file is missing or malformed.</exception>
    public static async Task<ReplayResult> RunAsync(IReadOnlyList<string> files, RiskAppetite appetite, CancellationToken cancellationToken = default)
    {
        var markets = await SnapshotFileLoader.LoadAsync(files, cancellationToken: cancellationToken);
        var definition = new ShortfallDefinition();
        var engine = new RecommendationEngine(new RecommendationOptions { Appetite = appetite });
        var histories = markets.Select(m => (m.Market, m.Hours)).ToList();
        var episodes = new List<ReplayEpisode>();
        var skipped = new List<string>();

        foreach (var (market, hours) in histories)
        {
            var shortfall = hours.Select(h => h.SuppliedUsd >= definition.MinimumDepositsUsd && h.Utilization >= definition.ShortfallUtilization).ToArray();
            foreach (var episode in EpisodeFinder.Find(hours.Select(h => h.Hour).ToArray(), shortfall, definition.EpisodeMergeGap))
            {
                foreach (var lead in Leads)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var at = episode.Start - TimeSpan.FromHours(lead);
                    var index = IndexOf(hours, at);
                    if (index < 0) { skipped.Add($"{market.Name} {episode.Start:yyyy-MM-dd HH:mm}, {lead} h before: no data at that hour"); continue; }
                    try
                    {
                        var risk = new OutflowRiskModel().Assess(market, hours, at);
                        var scenarios = StressTester.FindWorst(histories, at);
                        var target = engine.Target(risk, scenarios);
                        var lowest = hours.Skip(index + 1).TakeWhile(h => h.Hour <= episode.Start).Select(h => h.SuppliedUsd).DefaultIfEmpty(hours[index].SuppliedUsd).Min();
                        episodes.Add(new ReplayEpisode(market.Name, episode.Start, lead, hours[index].SuppliedUsd, target.TargetBufferUsd, Math.Max(hours[index].SuppliedUsd - lowest, 0)));
                    }
                    catch (InsufficientHistoryException e)
                    {
                        skipped.Add($"{market.Name} {episode.Start:yyyy-MM-dd HH:mm}, {lead} h before: {e.Message}");
                    }
                }
            }
        }
        return new ReplayResult(appetite, episodes.OrderBy(e => e.Start).ThenBy(e => e.HoursBefore).ToList(), skipped);
    }

    private static int IndexOf(IReadOnlyList<MarketHour> hours, DateTimeOffset hour)
    {
        int lo = 0, hi = hours.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (hours[mid].Hour == hour) return mid;
            if (hours[mid].Hour < hour) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }
}
