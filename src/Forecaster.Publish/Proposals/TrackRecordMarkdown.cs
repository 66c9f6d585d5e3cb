using System.Globalization;
using System.Text;
using Forecaster.EarlyWarning;

namespace Forecaster.Publish.Proposals;

/// <summary>
/// The Rationale's "Track record": how the same rule did before this market's past crises and all the store's markets',
/// and the episodes of this market it did not cover, which a forum will ask about first.
/// </summary>
public static class TrackRecordMarkdown
{
    /// <summary>The subsection's heading.</summary>
    public const string Heading = "### Track record";

    /// <summary>The label of the rows over every market.</summary>
    public static string AllMarketsLabel(TrackRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Create(CultureInfo.InvariantCulture, $"all {record.Markets.Count} markets");
    }

    /// <summary>A tally's table rows, one per lead: label, episodes, lead, judged, covered by the rule and by the flat rule, skipped.</summary>
    public static IEnumerable<string> TallyRows(string label, TrackRecordTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return tally.Leads.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {tally.Episodes} | {l.HoursBefore} h | {l.Judged} | {l.Covered} | {l.FlatRuleCovered} | {l.Skipped} |"));
    }

    /// <summary>A missed episode's table row: start, lead, deposits then, buffer, outflow that followed, whether the flat rule met it.</summary>
    public static string MissRow(TrackRecordEpisode miss)
    {
        ArgumentNullException.ThrowIfNull(miss);
        string Usd(double v) => Brief.BriefMarkdownWriter.Usd(v);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {miss.Start:yyyy-MM-dd HH:mm} | {miss.HoursBefore} h | {Usd(miss.DepositsUsd)} | {Usd(miss.BufferUsd)} | {Usd(miss.OutflowUsd)} | {(miss.FlatRuleCovered ? "yes" : "no")} |");
    }

    /// <summary>A skipped episode's line: start, lead and why.</summary>
    public static string SkipLine(TrackRecordSkip skip)
    {
        ArgumentNullException.ThrowIfNull(skip);
        return string.Create(CultureInfo.InvariantCulture, $"- {skip.Start:yyyy-MM-dd HH:mm}, {skip.HoursBefore} h ahead: {skip.Reason}");
    }

    /// <summary>Writes the subsection for <paramref name="market"/>.</summary>
    public static void Write(StringBuilder md, TrackRecord record, string market)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(record);
        void Line(string text = "") => md.AppendLine(text);
        var definition = new ShortfallDefinition();
        var own = record.Tally(market);

        Line(Heading);
        Line();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"How the same rule did before past crises: `forecaster replay` over the store's data up to {record.AsOf:yyyy-MM-dd HH:mm} UTC. ") +
            string.Create(CultureInfo.InvariantCulture,
            $"An episode starts at the first hour with utilization at or above {definition.ShortfallUtilization:P0} and at least {Brief.BriefMarkdownWriter.Usd(definition.MinimumDepositsUsd)} of deposits (hours under {definition.EpisodeMergeGap.TotalHours:0} h apart are one episode); only episodes that started by the as-of hour count. ") +
            string.Create(CultureInfo.InvariantCulture,
            $"For each, the rule's buffer 24 h and 72 h before it, from the data up to then only, is set against the largest fall of deposits from then until the episode began, and so is the flat rule's {record.FlatRuleShare:P0} of the deposits then. ") +
            "An episode with too little data before it for a recommendation is counted as skipped.");
        Line();
        Line("| Episodes of | Episodes | Ahead | Judged | Rule covered | Flat rule covered | Skipped |");
        Line("|---|---:|---|---:|---:|---:|---:|");
        foreach (var row in TallyRows(market, own).Concat(TallyRows(AllMarketsLabel(record), record.Tally(null)))) Line(row);
        Line();
        if (own.Episodes == 0)
        {
            Line($"{market} had no shortfall episode in the store's data up to the as-of hour: there is no crisis of its own to test the rule on, and the rows over all markets are the record the rule has.");
            Line();
            return;
        }
        var misses = record.Misses(market);
        if (misses.Count == 0)
        {
            Line($"The rule's buffer covered every judged episode of {market}.");
            Line();
        }
        else
        {
            Line($"Episodes of {market} whose outflow the rule's buffer did not cover:");
            Line();
            Line("| Episode start | Ahead | Deposits then | Buffer | Outflow that followed | Flat rule covered |");
            Line("|---|---|---:|---:|---:|---|");
            foreach (var miss in misses) Line(MissRow(miss));
            Line();
        }
        var skipped = record.SkippedOf(market);
        if (skipped.Count == 0) return;
        Line($"Episodes of {market} skipped at a lead:");
        Line();
        foreach (var skip in skipped) Line(SkipLine(skip));
        Line();
    }
}
