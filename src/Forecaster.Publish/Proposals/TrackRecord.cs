using Forecaster.Recommend;

namespace Forecaster.Publish.Proposals;

/// <summary>
/// How the service's reserve rule did before past crises, as <c>forecaster replay</c> finds it on the store's data up to
/// <paramref name="AsOf"/>: every shortfall episode of the store's markets that started at or before then, with the buffer
/// the rule would have recommended 24 h and 72 h before it (data up to then only) against the outflow that followed. One
/// per as-of hour and profile; every market's proposal shows its own episodes and the totals over all markets.
/// </summary>
/// <param name="AsOf">The last hour read.</param>
/// <param name="Appetite">The risk profile the rule was replayed under (the proposals').</param>
/// <param name="Markets">The store's markets.</param>
/// <param name="FlatRuleShare">The flat rule compared: hold this share of deposits liquid.</param>
/// <param name="Episodes">Every judged episode at every lead, in time order.</param>
/// <param name="Skipped">Episodes at a lead that could not be judged.</param>
public sealed record TrackRecord(DateTimeOffset AsOf, RiskAppetite Appetite, IReadOnlyList<string> Markets, double FlatRuleShare, IReadOnlyList<TrackRecordEpisode> Episodes, IReadOnlyList<TrackRecordSkip> Skipped)
{
    /// <summary>The leads the replay judges, in the order tallies list them.</summary>
    public static IReadOnlyList<int> LeadHours { get; } = [24, 72];

    /// <summary>The tally over <paramref name="market"/>'s episodes, or over every market's when null.</summary>
    public TrackRecordTally Tally(string? market)
    {
        bool Of(string m) => market is null || m == market;
        var judged = Episodes.Where(e => Of(e.Market)).ToList();
        var skipped = Skipped.Where(s => Of(s.Market)).ToList();
        var episodes = judged.Select(e => (e.Market, e.Start)).Concat(skipped.Select(s => (s.Market, s.Start))).Distinct().Count();
        return new TrackRecordTally(episodes, LeadHours.Select(lead =>
        {
            var at = judged.Where(e => e.HoursBefore == lead).ToList();
            return new TrackRecordLead(lead, at.Count, at.Count(e => e.Covered), at.Count(e => e.FlatRuleCovered), skipped.Count(s => s.HoursBefore == lead));
        }).ToList());
    }

    /// <summary><paramref name="market"/>'s episodes not judged at a lead, in time order.</summary>
    public IReadOnlyList<TrackRecordSkip> SkippedOf(string market) =>
        Skipped.Where(s => s.Market == market).OrderBy(s => s.Start).ThenBy(s => s.HoursBefore).ToList();

    /// <summary><paramref name="market"/>'s episodes whose buffer fell short of the outflow, in time order, at every lead.</summary>
    public IReadOnlyList<TrackRecordEpisode> Misses(string market) =>
        Episodes.Where(e => e.Market == market && !e.Covered).OrderBy(e => e.Start).ThenBy(e => e.HoursBefore).ToList();
}
