using System.Globalization;
using System.Text;
using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>Writes the brief as Markdown for people: a status table riskiest first, then one section per market.</summary>
public static class BriefMarkdownWriter
{
    /// <summary>The brief as Markdown text.</summary>
    public static string ToMarkdown(MorningBrief brief)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Forecaster morning brief — {brief.AsOf:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        if (brief.HasSimulatedData)
        {
            md.AppendLine("> **SIMULATED DATA.** Markets marked *simulated* come from Forecaster's built-in simulator, not from a chain. Do not act on them.");
            md.AppendLine();
        }
        var counts = brief.StatusCounts;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"{brief.Entries.Count} markets: {Count(counts, MarketStatus.Red)} red, {Count(counts, MarketStatus.Amber)} amber, {Count(counts, MarketStatus.Green)} green. " +
            $"Shortfall means utilization at or above {brief.ShortfallUtilization:P0} (depositors cannot withdraw). Generated {brief.GeneratedAt:yyyy-MM-dd HH:mm} UTC.");
        md.AppendLine();
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
            var f24 = a.Forecasts.FirstOrDefault(f => f.Horizon == TimeSpan.FromHours(24));
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Light(a.Status)} | {name} | {a.Current.Utilization:P1} | {Usd(a.Current.AvailableLiquidityUsd)} | {a.ShortfallProbability24h:P1} | {Usd(f24.MedianUsd)} ({Usd(f24.LowerUsd)} – {Usd(f24.UpperUsd)}) |");
        }
        md.AppendLine();
        foreach (var e in brief.Entries) AppendSection(md, e);
        return md.ToString();
    }

    private static void AppendSection(StringBuilder md, MarketBriefEntry e)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## {e.Market.Name}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{e.Market.Protocol} on {e.Market.Chain}, asset {e.Market.Asset}{(e.Market.IsSimulated ? " — **simulated**" : "")}.");
        md.AppendLine();
        if (e.Assessment is not { } a)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Not assessed: {e.Problem}");
            md.AppendLine();
            return;
        }
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Status **{a.Status.ToString().ToUpperInvariant()}** at {a.Current.Hour:yyyy-MM-dd HH:mm} UTC: deposits {Usd(a.Current.SuppliedUsd)}, borrows {Usd(a.Current.BorrowedUsd)}, " +
            $"available {Usd(a.Current.AvailableLiquidityUsd)}, utilization {a.Current.Utilization:P2}, supply rate {Rate(a.Current.SupplyRatePct)}, borrow rate {Rate(a.Current.BorrowRatePct)}.");
        if (a.Current.Quality != Markets.DataQuality.None)
            md.AppendLine(CultureInfo.InvariantCulture, $"Data quality of that hour: {a.Current.Quality}.");
        md.AppendLine();
        md.AppendLine("| Horizon | Median available | Lower | Upper |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var f in a.Forecasts)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Horizon.TotalHours:0} h | {Usd(f.MedianUsd)} | {Usd(f.LowerUsd)} | {Usd(f.UpperUsd)} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Probability of a shortfall within 24 h: **{a.ShortfallProbability24h:P1}**. Method: {a.Method}.");
        md.AppendLine();
        if (e.ChartFile is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"![{e.Market.Name} utilization]({e.ChartFile})");
            md.AppendLine();
        }
    }

    private static int Count(IReadOnlyDictionary<MarketStatus, int> counts, MarketStatus status) => counts.TryGetValue(status, out var n) ? n : 0;

    private static string Light(MarketStatus status) => status switch
    {
        MarketStatus.Red => "🔴 red",
        MarketStatus.Amber => "🟠 amber",
        _ => "🟢 green",
    };

    private static string Rate(double pct) => double.IsFinite(pct) ? $"{pct.ToString("0.00", CultureInfo.InvariantCulture)}%" : "n/a";

    /// <summary>USD with a readable magnitude: $1.23B, $45.6M, $789K.</summary>
    internal static string Usd(double value)
    {
        var abs = Math.Abs(value);
        var sign = value < 0 ? "-" : "";
        var text = abs switch
        {
            >= 1e9 => (abs / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + "B",
            >= 1e6 => (abs / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "M",
            >= 1e3 => (abs / 1e3).ToString("0", CultureInfo.InvariantCulture) + "K",
            _ => abs.ToString("0", CultureInfo.InvariantCulture),
        };
        return $"{sign}${text}";
    }
}
