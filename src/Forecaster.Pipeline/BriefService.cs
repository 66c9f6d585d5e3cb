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

    /// <summary>Cross-market correlated stress from the same run's proposals, or null when none was computed.</summary>
    public Risk.Stress.CorrelatedStress? CorrelatedStress { get; init; }

    /// <summary>
    /// Parts already made for this as-of hour (by the per-market jobs), by market name; markets without one are made here.
    /// Either way each part comes from <see cref="CreatePartAsync"/>, so the brief is the same.
    /// </summary>
    public IReadOnlyDictionary<string, MarketBriefPart> ReadyParts { get; init; } = new Dictionary<string, MarketBriefPart>();

    /// <summary>
    /// Account-level flows (e.g. <see cref="AccountFlowReader.LoadAsync"/>): a market found here with holders at the
    /// as-of hour gets its largest holders' shares in the brief; others say nothing about holders. Events after the as-of
    /// hour are not counted.
    /// </summary>
    public AccountFlows AccountFlows { get; init; } = AccountFlows.None;

    /// <summary>Makes and writes the brief.</summary>
    /// <exception cref="ForecasterException">The store holds no market hours at or before the as-of hour.</exception>
    /// <exception cref="ArgumentException">A ready part is for another as-of hour.</exception>
    public async Task<BriefResult> CreateAsync(BriefOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var (markets, asOf) = await StoreAsOf.ResolveAsync(store, options.AsOf, cancellationToken);
        var directory = DirectoryFor(options.OutputDirectory, asOf);
        Directory.CreateDirectory(directory);

        var parts = new List<MarketBriefPart>();
        foreach (var market in markets)
        {
            if (ReadyParts.TryGetValue(market.Name, out var ready))
            {
                if (ready.AsOf != asOf)
                    throw new ArgumentException($"The ready part of {market.Name} is for {ready.AsOf:yyyy-MM-dd HH:mm} UTC, not {asOf:yyyy-MM-dd HH:mm} UTC.", nameof(options));
                parts.Add(ready);
            }
            else
            {
                parts.Add(await CreatePartAsync(market, asOf, options, cancellationToken));
            }
        }

        // Holders are added here, not in the parts: a part made by a forecast job is then the same with or without flows.
        var entries = new List<MarketBriefEntry>();
        foreach (var part in parts) entries.Add(await WithHoldersAsync(part.Entry, asOf, cancellationToken));
        var ordered = MorningBrief.RiskiestFirst(entries);
        var brief = new MorningBrief(asOf, _clock.GetUtcNow(), BaselineRiskOptions.Defaults.ShortfallUtilization, ordered)
        {
            Recommendations = Recommendations,
            CorrelatedStress = CorrelatedStress,
            HeatMap = DrawHeatMap(ordered, parts, asOf, options.TrendDays, directory),
        };
        brief = WithChanges(brief, options.OutputDirectory, DateOnly.FromDateTime(asOf.UtcDateTime));

        var result = new BriefResult(brief, Path.GetFullPath(directory));
        await File.WriteAllTextAsync(result.MarkdownPath, BriefMarkdownWriter.ToMarkdown(brief), cancellationToken);
        await File.WriteAllTextAsync(result.JsonPath, BriefJsonWriter.ToJson(brief), cancellationToken);
        await File.WriteAllTextAsync(result.HtmlPath, BriefHtmlWriter.ToHtml(brief, directory), cancellationToken);
        return result;
    }

    /// <summary>
    /// One market's share of the brief at <paramref name="asOf"/>: its assessment, its charts (drawn into the brief's
    /// dated folder, overwriting an earlier run's) and its probability history. The slow part of the brief, made per market.
    /// </summary>
    public async Task<MarketBriefPart> CreatePartAsync(Market market, DateTimeOffset asOf, BriefOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var directory = DirectoryFor(options.OutputDirectory, asOf);
        Directory.CreateDirectory(directory);
        var daysNeeded = Math.Max(options.ChartDays, options.TrendDays) + 4;
        var from = asOf - new BaselineRiskOptions().Lookback - TimeSpan.FromDays(daysNeeded);
        var hours = await store.GetHoursAsync(market.Name, from, asOf, cancellationToken);
        if (hours.Count == 0)
            return new MarketBriefPart(asOf, new MarketBriefEntry(market, null, $"no data at or before {asOf:yyyy-MM-dd HH:mm} UTC", null), []);

        var history = BaselineChartInputs.ProbabilityHistory(market, hours, asOf, options.TrendDays);
        var (charts, notes) = MarketChartSet.Draw(market, hours, asOf, history, options, directory);
        var chartFile = charts.FirstOrDefault(c => c.Kind == BriefChartKinds.Utilization)?.PngFile;
        try
        {
            var assessment = (riskModel ?? new BaselineRiskModel()).Assess(market, hours, asOf, Horizons);
            return new MarketBriefPart(asOf, new MarketBriefEntry(market, assessment, null, chartFile) { Charts = charts, Notes = notes }, history);
        }
        catch (InsufficientHistoryException e)
        {
            return new MarketBriefPart(asOf, new MarketBriefEntry(market, null, e.Message, chartFile) { Charts = charts, Notes = notes }, history);
        }
    }

    private async Task<MarketBriefEntry> WithHoldersAsync(MarketBriefEntry entry, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        await AccountFlows.AtEndOfHourAsync(entry.Market.Name, asOf, cancellationToken) is { Holders: > 0 } holders ? entry with { Holders = holders } : entry;

    /// <summary>The dated folder the brief of <paramref name="asOf"/> is written to.</summary>
    public static string DirectoryFor(string outputDirectory, DateTimeOffset asOf) =>
        Path.Combine(outputDirectory, DateOnly.FromDateTime(asOf.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

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
    private static BriefChart? DrawHeatMap(IReadOnlyList<MarketBriefEntry> ordered, IReadOnlyList<MarketBriefPart> parts, DateTimeOffset asOf, int days, string directory)
    {
        var byName = parts.Where(p => p.History.Count > 0).ToDictionary(p => p.Entry.Market.Name, p => p.History, StringComparer.Ordinal);
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
