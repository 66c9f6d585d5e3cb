using System.Globalization;
using Forecaster.Markets;
using Forecaster.Publish.Brief;
using Forecaster.Publish.Charts;
using Forecaster.Publish.Inputs;
using Forecaster.Risk;

namespace Forecaster.Pipeline;

/// <summary>
/// Makes the morning brief: assesses every market in the store at the as-of hour and writes
/// <c>&lt;out&gt;/&lt;yyyy-MM-dd&gt;/brief.md</c>, <c>brief.json</c>, the self-contained <c>brief.html</c>, and each
/// market's charts (PNG and SVG) plus the cross-market heat map. Changes are computed against the latest earlier dated folder.
/// </summary>
public sealed class BriefService(IMarketStore store, TimeProvider? clock = null, IMarketRiskModel? riskModel = null)
{
    private static readonly TimeSpan[] Horizons = [TimeSpan.FromHours(24), TimeSpan.FromHours(72)];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Recommendations to show (the recommender of issue 5 sets these); empty means the brief says "no recommendations yet".</summary>
    public IReadOnlyList<RecommendedAction> Recommendations { get; init; } = [];

    /// <summary>Makes and writes the brief.</summary>
    /// <exception cref="ForecasterException">The store holds no market hours at or before the as-of hour.</exception>
    public async Task<BriefResult> CreateAsync(BriefOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var (markets, asOf) = await StoreAsOf.ResolveAsync(store, options.AsOf, cancellationToken);
        var model = riskModel ?? new BaselineRiskModel();
        var lookback = new BaselineRiskOptions().Lookback;
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var directory = Path.Combine(options.OutputDirectory, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);

        var entries = new List<MarketBriefEntry>();
        var histories = new List<(string Market, IReadOnlyList<ProbabilityPoint> History)>();
        var daysNeeded = Math.Max(options.ChartDays, options.TrendDays) + 4;
        foreach (var market in markets)
        {
            var from = asOf - lookback - TimeSpan.FromDays(daysNeeded);
            var hours = await store.GetHoursAsync(market.Name, from, asOf, cancellationToken);
            if (hours.Count == 0)
            {
                entries.Add(new MarketBriefEntry(market, null, $"no data at or before {asOf:yyyy-MM-dd HH:mm} UTC", null));
                continue;
            }
            var history = BaselineChartInputs.ProbabilityHistory(market, hours, asOf, options.TrendDays);
            histories.Add((market.Name, history));
            var (charts, notes) = MarketChartSet.Draw(market, hours, asOf, history, options, directory);
            var chartFile = charts.FirstOrDefault(c => c.Kind == BriefChartKinds.Utilization)?.PngFile;
            try
            {
                entries.Add(new MarketBriefEntry(market, model.Assess(market, hours, asOf, Horizons), null, chartFile) { Charts = charts, Notes = notes });
            }
            catch (InsufficientHistoryException e)
            {
                entries.Add(new MarketBriefEntry(market, null, e.Message, chartFile) { Charts = charts, Notes = notes });
            }
        }

        var ordered = MorningBrief.RiskiestFirst(entries);
        var brief = new MorningBrief(asOf, _clock.GetUtcNow(), BaselineRiskOptions.Defaults.ShortfallUtilization, ordered)
        {
            Recommendations = Recommendations,
            HeatMap = DrawHeatMap(ordered, histories, asOf, options.TrendDays, directory),
        };
        brief = WithChanges(brief, options.OutputDirectory, day);

        var result = new BriefResult(brief, Path.GetFullPath(directory));
        await File.WriteAllTextAsync(result.MarkdownPath, BriefMarkdownWriter.ToMarkdown(brief), cancellationToken);
        await File.WriteAllTextAsync(result.JsonPath, BriefJsonWriter.ToJson(brief), cancellationToken);
        await File.WriteAllTextAsync(result.HtmlPath, BriefHtmlWriter.ToHtml(brief, directory), cancellationToken);
        return result;
    }

    private static void Validate(BriefOptions options)
    {
        if (options.ChartDays is < 1 or > 3650)
            throw new ArgumentOutOfRangeException(nameof(options), options.ChartDays, "ChartDays must be in [1, 3650].");
        if (options.TrendDays is < 1 or > 365)
            throw new ArgumentOutOfRangeException(nameof(options), options.TrendDays, "TrendDays must be in [1, 365].");
        if (options.FlowDays is < 1 or > 60)
            throw new ArgumentOutOfRangeException(nameof(options), options.FlowDays, "FlowDays must be in [1, 60].");
        if (options.FanHistoryDays is < 1 or > 365)
            throw new ArgumentOutOfRangeException(nameof(options), options.FanHistoryDays, "FanHistoryDays must be in [1, 365].");
    }

    // Rows in the brief's order, so the heat map's top row is the riskiest market, as in the table.
    private static BriefChart? DrawHeatMap(IReadOnlyList<MarketBriefEntry> ordered, List<(string Market, IReadOnlyList<ProbabilityPoint> History)> histories, DateTimeOffset asOf, int days, string directory)
    {
        var byName = histories.Where(h => h.History.Count > 0).ToDictionary(h => h.Market, h => h.History, StringComparer.Ordinal);
        var rows = ordered.Where(e => byName.ContainsKey(e.Market.Name)).Select(e => (e.Market.Name, byName[e.Market.Name])).ToList();
        if (rows.Count == 0) return null;
        var data = BaselineChartInputs.HeatMap(rows, asOf, days);
        var (png, svg) = ChartFiles.Save(RiskHeatMapChart.Create(data), directory, "all-markets-" + BriefChartKinds.HeatMap, RiskHeatMapChart.SizeFor(rows.Count));
        return new BriefChart(BriefChartKinds.HeatMap, "Shortfall probability by market and day", png, svg,
            $"Each row a market (riskiest first), each column a day; green is safe, red is danger, grey means not assessed that day. Method: {data.Method}.");
    }

    // A broken previous brief must not cost today's brief: the problem is stated in it instead.
    private static MorningBrief WithChanges(MorningBrief brief, string outputDirectory, DateOnly day)
    {
        var path = PreviousBriefReader.FindBefore(outputDirectory, day);
        if (path is null) return brief;
        try
        {
            var previous = PreviousBriefReader.Read(path);
            return brief with { Previous = previous, Changes = BriefChangeDetector.Compare(brief, previous) };
        }
        catch (ForecasterException e)
        {
            return brief with { PreviousProblem = e.Message };
        }
        catch (IOException e)
        {
            return brief with { PreviousProblem = $"{path}: {e.Message}" };
        }
    }
}
