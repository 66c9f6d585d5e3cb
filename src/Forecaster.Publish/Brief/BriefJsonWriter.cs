using System.Text.Json;
using System.Text.Json.Serialization;
using Forecaster.Markets;

namespace Forecaster.Publish.Brief;

/// <summary>Writes the brief as JSON for machines (the API, dashboards, other tools). Unknown numbers are null, never NaN.</summary>
public static class BriefJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The brief as a JSON string.</summary>
    public static string ToJson(MorningBrief brief) => JsonSerializer.Serialize(Shape(brief), Options);

    private static object Shape(MorningBrief brief) => new
    {
        asOf = brief.AsOf,
        generatedAt = brief.GeneratedAt,
        simulatedData = brief.HasSimulatedData,
        shortfallUtilization = brief.ShortfallUtilization,
        markets = brief.Entries.Select(e => new
        {
            name = e.Market.Name,
            protocol = e.Market.Protocol,
            chain = e.Market.Chain,
            asset = e.Market.Asset,
            poolAddress = e.Market.PoolAddress,
            simulated = e.Market.IsSimulated,
            status = e.Assessment?.Status,
            shortfallProbability24h = e.Assessment?.ShortfallProbability24h,
            current = e.Assessment is { } a ? new
            {
                hour = a.Current.Hour,
                suppliedUsd = a.Current.SuppliedUsd,
                borrowedUsd = a.Current.BorrowedUsd,
                availableLiquidityUsd = a.Current.AvailableLiquidityUsd,
                utilization = a.Current.Utilization,
                supplyRatePct = Finite(a.Current.SupplyRatePct),
                borrowRatePct = Finite(a.Current.BorrowRatePct),
                quality = Flags(a.Current.Quality),
            } : null,
            forecasts = e.Assessment?.Forecasts.Select(f => new
            {
                horizonHours = (int)f.Horizon.TotalHours,
                medianUsd = f.MedianUsd,
                lowerUsd = f.LowerUsd,
                upperUsd = f.UpperUsd,
                coverage = f.Coverage,
            }),
            method = e.Assessment?.Method,
            holders = e.Holders is { } h ? new { asOf = h.AsOf, holders = h.Holders, top1Share = h.Top1Share, top5Share = h.Top5Share, top10Share = h.Top10Share, hhi = h.Hhi } : null,
            chart = e.ChartFile,
            charts = e.Charts.Select(Chart),
            notes = e.Notes,
            problem = e.Problem,
        }),
        previous = brief.Previous is { } p ? new { asOf = p.AsOf, file = p.JsonPath } : null,
        previousProblem = brief.PreviousProblem,
        changes = brief.Changes.Select(c => new { market = c.Market, description = c.Description, worse = c.Worse, statusBefore = c.StatusBefore, statusNow = c.StatusNow }),
        recommendations = brief.Recommendations.Select(r => new { market = r.Market, action = r.Action, rationale = r.Rationale, proposalUrl = r.ProposalUrl, source = r.Source }),
        heatMap = brief.HeatMap is { } h ? Chart(h) : null,
        correlatedStress = brief.CorrelatedStress is { } cs ? CorrelatedSummary(cs) : null,
    };

    private static object Chart(BriefChart c) => new { kind = c.Kind, title = c.Title, png = c.PngFile, svg = c.SvgFile, caption = c.Caption };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    // The cross-market picture in brief: the most correlated pair, the worst joint days and the deepest depeg; the full
    // matrix is kept for dashboards (unknown correlations, with too few shared days, are null).
    private static object CorrelatedSummary(Risk.Stress.CorrelatedStress cs)
    {
        var pairs = cs.Markets.SelectMany((a, i) => cs.Markets.Skip(i + 1).Select(b => (a, b, r: cs.CorrelationOf(a, b)))).Where(p => double.IsFinite(p.r)).ToList();
        var strongest = pairs.Count == 0 ? default : pairs.MaxBy(p => p.r);
        return new
        {
            markets = cs.Markets,
            correlation = cs.Correlation.Select(row => row.Select(Finite)),
            mostCorrelated = pairs.Count == 0 ? null : new { a = strongest.a, b = strongest.b, correlation = strongest.r },
            worstJointDays = cs.WorstJointDays.Select(d => new { day = d.Day, totalOutflowShare = d.TotalOutflowShare, outflowShare = d.OutflowShare }),
            depeg = cs.Depeg is { } d ? new { symbol = d.Symbol, trough = d.Trough, troughPriceUsd = d.TroughPriceUsd, outflowShare = d.OutflowShare } : null,
        };
    }

    private static string[] Flags(DataQuality quality) =>
        Enum.GetValues<DataQuality>().Where(f => f != DataQuality.None && quality.HasFlag(f)).Select(f => f.ToString()).ToArray();
}
