using System.Globalization;
using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>
/// What changed since the previous brief: status moves, shortfall probability moves of at least
/// <see cref="ProbabilityStep"/>, utilization moves of at least <see cref="UtilizationStep"/>, markets that appeared or left.
/// Changes that raise risk come first.
/// </summary>
public static class BriefChangeDetector
{
    /// <summary>Smallest probability move reported (absolute, 0.05 = 5 percentage points).</summary>
    public const double ProbabilityStep = 0.05;

    /// <summary>Smallest utilization move reported (absolute).</summary>
    public const double UtilizationStep = 0.05;

    /// <summary>Compares a brief with the previous one.</summary>
    public static IReadOnlyList<BriefChange> Compare(MorningBrief brief, PreviousBrief previous)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(previous);
        var changes = new List<BriefChange>();
        foreach (var e in brief.Entries)
        {
            var now = e.Assessment;
            if (!previous.Markets.TryGetValue(e.Market.Name, out var before))
            {
                changes.Add(new BriefChange(e.Market.Name, now is null ? "new in the brief (not assessed)" : $"new in the brief, {Name(now.Status)}",
                    now is { Status: not MarketStatus.Green }, null, now?.Status));
                continue;
            }
            var parts = new List<string>();
            var worse = false;
            if (before.Status != now?.Status)
            {
                parts.Add($"status {Name(before.Status)} → {Name(now?.Status)}");
                worse |= (int)(now?.Status ?? MarketStatus.Green) > (int)(before.Status ?? MarketStatus.Green);
            }
            if (now is not null && before.ShortfallProbability24h is { } p0 && Math.Abs(now.ShortfallProbability24h - p0) >= ProbabilityStep)
            {
                parts.Add($"P(shortfall, 24 h) {Pct(p0)} → {Pct(now.ShortfallProbability24h)}");
                worse |= now.ShortfallProbability24h > p0;
            }
            if (now is not null && before.Utilization is { } u0 && Math.Abs(now.Current.Utilization - u0) >= UtilizationStep)
            {
                parts.Add($"utilization {Pct(u0)} → {Pct(now.Current.Utilization)}");
                worse |= now.Current.Utilization > u0;
            }
            if (parts.Count > 0)
                changes.Add(new BriefChange(e.Market.Name, string.Join("; ", parts), worse, before.Status, now?.Status));
        }
        var current = brief.Entries.Select(e => e.Market.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, before) in previous.Markets.Where(m => !current.Contains(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal))
            changes.Add(new BriefChange(name, $"no longer in the brief (was {Name(before.Status)})", false, before.Status, null));
        return changes.OrderByDescending(c => c.Worse).ThenByDescending(c => (int?)c.StatusNow ?? -1).ToList();
    }

    private static string Name(MarketStatus? status) => status?.ToString().ToLowerInvariant() ?? "not assessed";

    private static string Pct(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
