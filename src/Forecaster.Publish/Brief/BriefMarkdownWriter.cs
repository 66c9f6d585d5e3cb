using System.Globalization;
using System.Text;
using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>
/// Writes the brief as Markdown for forums and chat: the headline, a status table riskiest first, what changed,
/// recommended actions, then one section per market with its charts (linked PNGs beside the file). Same content as the HTML brief.
/// </summary>
public static class BriefMarkdownWriter
{
    /// <summary>The brief as Markdown text.</summary>
    public static string ToMarkdown(MorningBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Forecaster morning brief — {BriefText.Time(brief.AsOf)}");
        md.AppendLine();
        if (brief.HasSimulatedData)
        {
            md.AppendLine("> **SIMULATED DATA.** Markets marked *simulated* come from Forecaster's built-in simulator, not from a chain. Do not act on them.");
            md.AppendLine();
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"**{BriefText.Headline(brief)}** {BriefText.ProposedAction(brief)}");
        md.AppendLine();
        var counts = brief.StatusCounts;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"{brief.Entries.Count} markets: {Count(counts, MarketStatus.Red)} red, {Count(counts, MarketStatus.Amber)} amber, {Count(counts, MarketStatus.Green)} green. " +
            $"Shortfall means utilization at or above {BriefText.Pct(brief.ShortfallUtilization, "0")} (depositors cannot withdraw). Generated {BriefText.Time(brief.GeneratedAt)}.");
        md.AppendLine();
        AppendTable(md, brief);
        AppendChanges(md, brief);
        AppendActions(md, brief);
        if (brief.HeatMap is { } heat)
        {
            md.AppendLine("## All markets over time");
            md.AppendLine();
            AppendChart(md, heat);
        }
        foreach (var e in brief.Entries) AppendSection(md, brief, e);
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, MorningBrief brief)
    {
        md.AppendLine("| Status | Market | Utilization | Available liquidity | P(shortfall, 24 h) | Available in 24 h (90% interval) |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var e in brief.Entries)
        {
            var name = e.Market.IsSimulated ? $"{e.Market.Name} *(simulated)*" : e.Market.Name;
            if (e.Assessment is not { } a)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| ⚪ n/a | {name} | | | | {e.Problem} |");
                continue;
            }
            var f24 = BriefText.At(a, 24);
            var interval = f24 is { } f ? $"{BriefText.Usd(f.MedianUsd)} ({BriefText.Usd(f.LowerUsd)} – {BriefText.Usd(f.UpperUsd)})" : "n/a";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Light(a.Status)} | {name} | {BriefText.Pct(a.Current.Utilization)} | {BriefText.Usd(a.Current.AvailableLiquidityUsd)} | {BriefText.Pct(a.ShortfallProbability24h)} | {interval} |");
        }
        md.AppendLine();
    }

    private static void AppendChanges(StringBuilder md, MorningBrief brief)
    {
        md.AppendLine(brief.Previous is { } p ? $"## What changed since the previous brief ({BriefText.Time(p.AsOf)})" : "## What changed since the previous brief");
        md.AppendLine();
        if (brief.PreviousProblem is { } problem) md.AppendLine(CultureInfo.InvariantCulture, $"Could not compare with the previous brief: {problem}");
        else if (brief.Previous is null) md.AppendLine("No previous brief to compare with: this is the first one in this folder.");
        else if (brief.Changes.Count == 0) md.AppendLine("Nothing material changed (no status change, no probability or utilization move of 5 points or more).");
        foreach (var c in brief.Changes)
            md.AppendLine(CultureInfo.InvariantCulture, $"- {(c.Worse ? "▲ " : "")}**{c.Market}**: {c.Description}");
        md.AppendLine();
    }

    private static void AppendActions(StringBuilder md, MorningBrief brief)
    {
        md.AppendLine("## Recommended actions");
        md.AppendLine();
        if (brief.Recommendations.Count == 0) md.AppendLine(BriefText.NoRecommendations);
        foreach (var r in brief.Recommendations) md.AppendLine(Action(r));
        md.AppendLine();
    }

    private static string Action(RecommendedAction r) =>
        $"- **{r.Market}**: {r.Action} — {r.Rationale}{(r.ProposalUrl is { } url ? $" [Proposal]({url})" : " (no proposal yet)")} _(by {r.Source})_";

    private static void AppendSection(StringBuilder md, MorningBrief brief, MarketBriefEntry e)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## {e.Market.Name}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{e.Market.Protocol} on {e.Market.Chain}, asset {e.Market.Asset}{(e.Market.IsSimulated ? " — **simulated**" : "")}.");
        md.AppendLine();
        if (e.Assessment is not { } a)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Not assessed: {e.Problem}");
            md.AppendLine();
        }
        else
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Status **{BriefText.Status(a.Status)}** at {BriefText.Time(a.Current.Hour)}: deposits {BriefText.Usd(a.Current.SuppliedUsd)}, borrows {BriefText.Usd(a.Current.BorrowedUsd)}, " +
                $"available {BriefText.Usd(a.Current.AvailableLiquidityUsd)}, utilization {BriefText.Pct(a.Current.Utilization, "0.00")}, supply rate {BriefText.Rate(a.Current.SupplyRatePct)}, borrow rate {BriefText.Rate(a.Current.BorrowRatePct)}.");
            if (a.Current.Quality != Markets.DataQuality.None)
                md.AppendLine(CultureInfo.InvariantCulture, $"Data quality of that hour: {a.Current.Quality}.");
            md.AppendLine();
            md.AppendLine("| Horizon | Median available | Lower | Upper |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var f in a.Forecasts)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Horizon.TotalHours:0} h | {BriefText.Usd(f.MedianUsd)} | {BriefText.Usd(f.LowerUsd)} | {BriefText.Usd(f.UpperUsd)} |");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Probability of a shortfall within 24 h: **{BriefText.Pct(a.ShortfallProbability24h)}**. Method: {a.Method}.");
            md.AppendLine();
        }
        if (e.Holders is { } holders)
        {
            md.AppendLine(BriefText.Holders(holders));
            md.AppendLine();
        }
        var actions = brief.RecommendationsFor(e.Market.Name);
        md.AppendLine(actions.Count == 0 ? "Recommended action: none." : "Recommended actions:");
        foreach (var r in actions) md.AppendLine(Action(r));
        md.AppendLine();
        foreach (var note in e.Notes) md.AppendLine(CultureInfo.InvariantCulture, $"_{note}_");
        if (e.Notes.Count > 0) md.AppendLine();
        foreach (var chart in e.Charts) AppendChart(md, chart);
    }

    private static void AppendChart(StringBuilder md, BriefChart chart)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"![{chart.Title}]({chart.PngFile})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"_{chart.Caption}_ ([SVG]({chart.SvgFile}))");
        md.AppendLine();
    }

    private static int Count(IReadOnlyDictionary<MarketStatus, int> counts, MarketStatus status) => counts.TryGetValue(status, out var n) ? n : 0;

    private static string Light(MarketStatus status) => status switch
    {
        MarketStatus.Red => "🔴 red",
        MarketStatus.Amber => "🟠 amber",
        _ => "🟢 green",
    };

    /// <summary>USD with a readable magnitude: $1.23B, $45.6M, $789K.</summary>
    internal static string Usd(double value) => BriefText.Usd(value);
}
