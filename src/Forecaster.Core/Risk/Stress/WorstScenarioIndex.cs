using Forecaster.Markets;

namespace Forecaster.Risk.Stress;

/// <summary>
/// The worst episodes of each kind as of any hour, found in one pass over whole histories: what
/// <see cref="StressTester.FindWorst"/> answers for one hour, for every hour at once.
/// </summary>
/// <remarks>
/// Why: the replay asks for the worst episodes at every episode point and sampled day. Searching every market's whole
/// history each time cost most of a 100-market replay (and so of the service's morning, which replays once per as-of for
/// the proposals' track record). The worst window of a kind visible at an hour is the last window, among those that ended
/// by then, that was worse than every window before it; so each market's record-breaking windows, merged in the order
/// they end, answer every hour. Ties go to the earlier market in the given order, then to the earlier window, as a single
/// search over the markets in that order does.
/// </remarks>
public sealed class WorstScenarioIndex
{
    private readonly Dictionary<string, (DateTimeOffset[] EndedAt, StressScenario[] Worst)> _byKind;

    private WorstScenarioIndex(Dictionary<string, (DateTimeOffset[], StressScenario[])> byKind) => _byKind = byKind;

    /// <summary>Indexes the given markets' histories (each in time order), reading no hour after <paramref name="until"/> when given.</summary>
    public static WorstScenarioIndex Build(IEnumerable<(Market Market, IReadOnlyList<MarketHour> Hours)> markets, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(markets);
        var records = markets.SelectMany((m, order) => StressTester.Records(m.Market, m.Hours, until).Select(r => (Record: r, Order: order)));
        var byKind = new Dictionary<string, (DateTimeOffset[], StressScenario[])>();
        foreach (var kind in records.GroupBy(r => r.Record.Scenario.Name))
        {
            var endedAt = new List<DateTimeOffset>();
            var worst = new List<StressScenario>();
            (double Severity, int Order)? best = null;
            foreach (var (record, order) in kind.OrderBy(r => r.Record.EndedAt).ThenBy(r => r.Order))
            {
                if (best is { } b && (record.Severity < b.Severity || (record.Severity == b.Severity && order >= b.Order))) continue;
                best = (record.Severity, order);
                // Several markets' windows may end in the same hour: that hour keeps only the worst of them.
                if (endedAt.Count > 0 && endedAt[^1] == record.EndedAt) worst[^1] = record.Scenario;
                else { endedAt.Add(record.EndedAt); worst.Add(record.Scenario); }
            }
            byKind[kind.Key] = (endedAt.ToArray(), worst.ToArray());
        }
        return new WorstScenarioIndex(byKind);
    }

    /// <summary>The worst episode of each kind among windows that ended at or before <paramref name="asOf"/>, ordered as <see cref="StressTester.FindWorst"/> orders them.</summary>
    public IReadOnlyList<StressScenario> AsOf(DateTimeOffset asOf)
    {
        var found = new List<StressScenario>();
        foreach (var (endedAt, worst) in _byKind.Values)
        {
            var i = Array.BinarySearch(endedAt, asOf);
            var last = i >= 0 ? i : ~i - 1;
            if (last >= 0) found.Add(worst[last]);
        }
        return found.OrderBy(s => s.Horizon).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }
}
