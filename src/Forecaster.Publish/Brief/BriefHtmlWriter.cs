using System.Globalization;
using System.Text;
using Forecaster.Risk;
using static System.Net.WebUtility;

namespace Forecaster.Publish.Brief;

/// <summary>
/// Writes the brief as one self-contained HTML page: the headline and proposed action first, the risk table riskiest
/// first with traffic lights, what changed, recommended actions, the heat map, then per-market sections. Charts are
/// embedded as PNG data URIs, so the file can be mailed or opened offline; each links to its SVG beside it.
/// </summary>
public static class BriefHtmlWriter
{
    /// <summary>The brief as HTML; chart PNGs are read from <paramref name="chartDirectory"/> (the brief's folder).</summary>
    /// <exception cref="ForecasterException">A chart file the brief names is missing.</exception>
    public static string ToHtml(MorningBrief brief, string chartDirectory)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var h = new StringBuilder();
        var title = $"Forecaster morning brief — {BriefText.Time(brief.AsOf)}";
        h.AppendLine("<!DOCTYPE html>");
        h.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // An empty icon, so the browser does not go looking for /favicon.ico and log an error.
        h.AppendLine("<link rel=\"icon\" href=\"data:,\">");
        h.AppendLine(CultureInfo.InvariantCulture, $"<title>{HtmlEncode(title)}</title><style>{BriefHtmlStyle.Css}</style></head><body>");
        h.AppendLine(CultureInfo.InvariantCulture, $"<header><h1>{HtmlEncode(title)}</h1><p class=\"meta\">Generated {BriefText.Time(brief.GeneratedAt)}. Shortfall means utilization at or above {BriefText.Pct(brief.ShortfallUtilization, "0")}: depositors cannot withdraw.</p></header>");
        if (brief.HasSimulatedData)
            h.AppendLine("<p class=\"simulated\" id=\"simulated\">SIMULATED DATA. Markets marked simulated come from Forecaster's built-in simulator, not from a chain. Do not act on them.</p>");

        var status = brief.Riskiest?.Assessment?.Status;
        h.AppendLine(CultureInfo.InvariantCulture, $"<section id=\"headline\" class=\"headline {Css(status)}\"><p><strong>{HtmlEncode(BriefText.Headline(brief))}</strong></p><p>{HtmlEncode(BriefText.ProposedAction(brief))}</p></section>");
        AppendTable(h, brief);
        AppendChanges(h, brief);
        AppendActions(h, brief);
        if (brief.HeatMap is { } heat)
        {
            h.AppendLine("<section id=\"heatmap\"><h2>All markets over time</h2>");
            AppendFigure(h, heat, chartDirectory);
            h.AppendLine("</section>");
        }
        foreach (var e in brief.Entries) AppendSection(h, brief, e, chartDirectory);
        h.AppendLine("<footer>Forecaster. Times are UTC; dates are ISO (yyyy-MM-dd). Each chart's caption names the method behind it. Charts are also beside this file as SVG for forum posts.</footer>");
        h.AppendLine("</body></html>");
        return h.ToString();
    }

    private static void AppendTable(StringBuilder h, MorningBrief brief)
    {
        var c = brief.StatusCounts;
        h.AppendLine(CultureInfo.InvariantCulture, $"<section id=\"risk\"><h2>Markets, riskiest first</h2><p>{brief.Entries.Count} markets: {N(c, MarketStatus.Red)} red, {N(c, MarketStatus.Amber)} amber, {N(c, MarketStatus.Green)} green.</p>");
        h.AppendLine("<table id=\"risk-table\"><thead><tr><th>Status</th><th>Market</th><th class=\"num\">Utilization</th><th class=\"num\">Available liquidity</th><th class=\"num\">P(shortfall, 24 h)</th><th class=\"num\">Available in 24 h (90% interval)</th><th>Proposed action</th></tr></thead><tbody>");
        foreach (var e in brief.Entries)
        {
            var name = HtmlEncode(e.Market.Name);
            var sim = e.Market.IsSimulated ? " <em>(simulated)</em>" : "";
            var actions = brief.RecommendationsFor(e.Market.Name);
            var action = actions.Count == 0 ? "<span class=\"empty\">none</span>" : HtmlEncode(string.Join("; ", actions.Select(r => r.Action)));
            if (e.Assessment is not { } a)
            {
                h.AppendLine(CultureInfo.InvariantCulture, $"<tr data-market=\"{name}\" data-status=\"none\"><td>{Light(null)}</td><td><a href=\"#market-{name}\">{name}</a>{sim}</td><td colspan=\"4\">{HtmlEncode(e.Problem ?? "not assessed")}</td><td>{action}</td></tr>");
                continue;
            }
            var f = BriefText.At(a, 24);
            var interval = f is { } v ? $"{BriefText.Usd(v.MedianUsd)} ({BriefText.Usd(v.LowerUsd)} – {BriefText.Usd(v.UpperUsd)})" : "n/a";
            h.AppendLine(CultureInfo.InvariantCulture,
                $"<tr data-market=\"{name}\" data-status=\"{Css(a.Status)}\"><td>{Light(a.Status)}</td><td><a href=\"#market-{name}\">{name}</a>{sim}</td><td class=\"num\">{BriefText.Pct(a.Current.Utilization)}</td><td class=\"num\">{BriefText.Usd(a.Current.AvailableLiquidityUsd)}</td><td class=\"num\">{BriefText.Pct(a.ShortfallProbability24h)}</td><td class=\"num\">{HtmlEncode(interval)}</td><td>{action}</td></tr>");
        }
        h.AppendLine("</tbody></table></section>");
    }

    private static void AppendChanges(StringBuilder h, MorningBrief brief)
    {
        var since = brief.Previous is { } p ? $" ({BriefText.Time(p.AsOf)})" : "";
        h.AppendLine(CultureInfo.InvariantCulture, $"<section id=\"changes\"><h2>What changed since the previous brief{since}</h2>");
        if (brief.PreviousProblem is { } problem) h.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"empty\">Could not compare with the previous brief: {HtmlEncode(problem)}</p>");
        else if (brief.Previous is null) h.AppendLine("<p class=\"empty\">No previous brief to compare with: this is the first one in this folder.</p>");
        else if (brief.Changes.Count == 0) h.AppendLine("<p class=\"empty\">Nothing material changed (no status change, no probability or utilization move of 5 points or more).</p>");
        if (brief.Changes.Count > 0)
        {
            h.AppendLine("<ul>");
            foreach (var c in brief.Changes)
                h.AppendLine(CultureInfo.InvariantCulture, $"<li{(c.Worse ? " class=\"worse\"" : "")}>{Light(c.StatusNow)}<strong>{HtmlEncode(c.Market)}</strong>: {HtmlEncode(c.Description)}</li>");
            h.AppendLine("</ul>");
        }
        h.AppendLine("</section>");
    }

    private static void AppendActions(StringBuilder h, MorningBrief brief)
    {
        h.AppendLine("<section id=\"actions\"><h2>Recommended actions</h2>");
        if (brief.Recommendations.Count == 0)
            h.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"empty\" id=\"no-recommendations\">{HtmlEncode(BriefText.NoRecommendations)}</p>");
        else
        {
            h.AppendLine("<table><thead><tr><th>Market</th><th>Action</th><th>Why</th><th>Proposal</th><th>By</th></tr></thead><tbody>");
            foreach (var r in brief.Recommendations) h.AppendLine(ActionRow(r));
            h.AppendLine("</tbody></table>");
        }
        h.AppendLine("</section>");
    }

    // http(s) links, or relative paths beside the brief (proposals/<market>.md); never javascript: or other schemes.
    private static bool IsSafeLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp : !url.Contains(':');

    private static string ActionRow(RecommendedAction r)
    {
        var link = r.ProposalUrl is { } url && IsSafeLink(url)
            ? $"<a href=\"{HtmlEncode(url)}\">proposal</a>" : "<span class=\"empty\">none</span>";
        return $"<tr><td>{HtmlEncode(r.Market)}</td><td>{HtmlEncode(r.Action)}</td><td>{HtmlEncode(r.Rationale)}</td><td>{link}</td><td>{HtmlEncode(r.Source)}</td></tr>";
    }

    private static void AppendSection(StringBuilder h, MorningBrief brief, MarketBriefEntry e, string chartDirectory)
    {
        var name = HtmlEncode(e.Market.Name);
        h.AppendLine(CultureInfo.InvariantCulture, $"<section class=\"market\" id=\"market-{name}\"><h2>{Light(e.Assessment?.Status)}{name}</h2>");
        h.AppendLine(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(e.Market.Protocol)} on {HtmlEncode(e.Market.Chain)}, asset {HtmlEncode(e.Market.Asset)}{(e.Market.IsSimulated ? " — <strong>simulated</strong>" : "")}.</p>");
        if (e.Assessment is not { } a)
            h.AppendLine(CultureInfo.InvariantCulture, $"<p>Not assessed: {HtmlEncode(e.Problem ?? "")}</p>");
        else
        {
            h.AppendLine(CultureInfo.InvariantCulture,
                $"<p>Status <strong>{BriefText.Status(a.Status)}</strong> at {BriefText.Time(a.Current.Hour)}: deposits {BriefText.Usd(a.Current.SuppliedUsd)}, borrows {BriefText.Usd(a.Current.BorrowedUsd)}, available {BriefText.Usd(a.Current.AvailableLiquidityUsd)}, " +
                $"utilization {BriefText.Pct(a.Current.Utilization, "0.00")}, supply rate {BriefText.Rate(a.Current.SupplyRatePct)}, borrow rate {BriefText.Rate(a.Current.BorrowRatePct)}. " +
                $"Probability of a shortfall within 24 h: <strong>{BriefText.Pct(a.ShortfallProbability24h)}</strong>. Method: {HtmlEncode(a.Method)}.</p>");
            if (a.Current.Quality != Markets.DataQuality.None)
                h.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"note\">Data quality of that hour: {HtmlEncode(a.Current.Quality.ToString())}.</p>");
            h.AppendLine("<table><thead><tr><th>Horizon</th><th class=\"num\">Median available</th><th class=\"num\">Lower</th><th class=\"num\">Upper</th></tr></thead><tbody>");
            foreach (var f in a.Forecasts)
                h.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{f.Horizon.TotalHours:0} h</td><td class=\"num\">{BriefText.Usd(f.MedianUsd)}</td><td class=\"num\">{BriefText.Usd(f.LowerUsd)}</td><td class=\"num\">{BriefText.Usd(f.UpperUsd)}</td></tr>");
            h.AppendLine("</tbody></table>");
        }
        if (e.Holders is { } holders) h.AppendLine(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(BriefText.Holders(holders))}</p>");
        var actions = brief.RecommendationsFor(e.Market.Name);
        if (actions.Count == 0) h.AppendLine("<p class=\"empty\">Recommended action: none.</p>");
        else
        {
            h.AppendLine("<table><thead><tr><th>Market</th><th>Action</th><th>Why</th><th>Proposal</th><th>By</th></tr></thead><tbody>");
            foreach (var r in actions) h.AppendLine(ActionRow(r));
            h.AppendLine("</tbody></table>");
        }
        foreach (var note in e.Notes) h.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"note\">{HtmlEncode(note)}</p>");
        foreach (var chart in e.Charts) AppendFigure(h, chart, chartDirectory);
        h.AppendLine("</section>");
    }

    private static void AppendFigure(StringBuilder h, BriefChart chart, string chartDirectory)
    {
        var path = Path.Combine(chartDirectory, chart.PngFile);
        if (!File.Exists(path))
            throw new ForecasterException($"Chart '{chart.PngFile}' named by the brief is missing from {chartDirectory}.");
        var data = Convert.ToBase64String(File.ReadAllBytes(path));
        h.AppendLine(CultureInfo.InvariantCulture,
            $"<figure data-chart=\"{HtmlEncode(chart.Kind)}\"><img src=\"data:image/png;base64,{data}\" alt=\"{HtmlEncode(chart.Title)}\"><figcaption>{HtmlEncode(chart.Caption)} <a href=\"{Uri.EscapeDataString(chart.SvgFile)}\">SVG</a></figcaption></figure>");
    }

    private static string Css(MarketStatus? status) => status?.ToString().ToLowerInvariant() ?? "none";

    private static string Light(MarketStatus? status) =>
        $"<span class=\"light {Css(status)}\" role=\"img\" aria-label=\"{Css(status)}\"></span>{(status is null ? "n/a" : status.ToString())} ";

    private static int N(IReadOnlyDictionary<MarketStatus, int> counts, MarketStatus status) => counts.TryGetValue(status, out var n) ? n : 0;
}
