using System.Globalization;
using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>Wording shared by the Markdown and HTML briefs, so both say the same thing.</summary>
internal static class BriefText
{
    public const string NoRecommendations =
        "No recommendations: no recommender ran for this brief, or no market needs a parameter change today. " +
        "Read the statuses and probabilities above as the signal; `forecaster propose` writes governance proposals.";


    public static string Status(MarketStatus? status) => status?.ToString().ToUpperInvariant() ?? "N/A";

    public static string Pct(double value, string format = "0.0") => (value * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The per-market sentence on who holds the deposits.</summary>
    public static string Holders(Risk.Liquidity.DepositorConcentration h) =>
        $"Who holds the deposits (account-level flows up to the as-of hour, interest not counted): largest holder {Pct(h.Top1Share)}, " +
        $"five largest {Pct(h.Top5Share)}, {h.Holders.ToString("N0", CultureInfo.InvariantCulture)} holders.";

    public static string Rate(double pct) => double.IsFinite(pct) ? pct.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>The one-sentence answer to "which market is in danger and why".</summary>
    public static string Headline(MorningBrief brief)
    {
        if (brief.Riskiest is not { Assessment: { } a } e)
            return "No market could be assessed: see the per-market notes below.";
        // "Riskiest" over an all-green board would read as an alarm; say it is calm and still name the top one.
        var lead = a.Status == MarketStatus.Green ? "All markets green. Highest risk" : "Riskiest market";
        return $"{lead}: {e.Market.Name}{(e.Market.IsSimulated ? " (simulated)" : "")}, {Status(a.Status)}: " +
               $"{Pct(a.ShortfallProbability24h)} chance of a shortfall within 24 h; utilization {Pct(a.Current.Utilization)}, " +
               $"available liquidity {Usd(a.Current.AvailableLiquidityUsd)}.";
    }

    /// <summary>The proposed action for the riskiest market, or an honest "none".</summary>
    public static string ProposedAction(MorningBrief brief)
    {
        if (brief.Riskiest is not { } e) return "Proposed action: none.";
        var actions = brief.RecommendationsFor(e.Market.Name);
        return actions.Count == 0
            ? "Proposed action: none for this market (see Recommended actions)."
            : "Proposed action: " + string.Join("; ", actions.Select(r => r.Action)) + ".";
    }

    /// <summary>USD with a readable magnitude: $1.23B, $45.6M, $789K.</summary>
    public static string Usd(double value) => Markets.UsdText.Compact(value);

    public static LiquidityForecast? At(MarketRiskAssessment a, int hours) =>
        a.Forecasts.Where(f => f.Horizon == TimeSpan.FromHours(hours)).Select(f => (LiquidityForecast?)f).FirstOrDefault();
}
