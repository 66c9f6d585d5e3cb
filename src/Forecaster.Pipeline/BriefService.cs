using Forecaster.Markets;
using Forecaster.Publish.Brief;
using Forecaster.Publish.Charts;
using Forecaster.Risk;

namespace Forecaster.Pipeline;

/// <summary>
/// Makes the morning brief: assesses every market in the store at the as-of hour and writes
/// <c>&lt;out&gt;/&lt;yyyy-MM-dd&gt;/brief.md</c>, <c>brief.json</c> and one utilization chart per market.
/// </summary>
public sealed class BriefService(IMarketStore store, TimeProvider? clock = null)
{
    private static readonly TimeSpan[] Horizons = [TimeSpan.FromHours(24), TimeSpan.FromHours(72)];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Makes and writes the brief.</summary>
    /// <exception cref="ForecasterException">The store holds no market hours at or before the as-of hour.</exception>
    public async Task<BriefResult> CreateAsync(BriefOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChartDays is < 1 or > 3650)
            throw new ArgumentOutOfRangeException(nameof(options), options.ChartDays, "ChartDays must be in [1, 3650].");
        var markets = await store.GetMarketsAsync(cancellationToken);
        if (markets.Count == 0)
            throw new ForecasterException("The store has no markets: ingest snapshot files or run 'forecaster simulate' first.");

        var model = new BaselineRiskModel();
        var lookback = new BaselineRiskOptions().Lookback;
        var asOf = options.AsOf ?? await store.GetLatestHourAsync(cancellationToken)
            ?? throw new ForecasterException("The store has markets but no hours: ingest snapshot files or run 'forecaster simulate' first.");
        var directory = Path.Combine(options.OutputDirectory, asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);

        var entries = new List<MarketBriefEntry>();
        foreach (var market in markets)
        {
            var from = asOf - lookback - TimeSpan.FromDays(4);
            var hours = await store.GetHoursAsync(market.Name, from, asOf, cancellationToken);
            if (hours.Count == 0)
            {
                entries.Add(new MarketBriefEntry(market, null, $"no data at or before {asOf:yyyy-MM-dd HH:mm} UTC", null));
                continue;
            }
            var chartFile = $"{market.Name}-utilization.png";
            var chartFrom = hours[^1].Hour - TimeSpan.FromDays(options.ChartDays);
            UtilizationChart.SavePng(market, hours.Where(h => h.Hour >= chartFrom).ToList(), BaselineRiskOptions.Defaults.ShortfallUtilization, Path.Combine(directory, chartFile));
            try
            {
                entries.Add(new MarketBriefEntry(market, model.Assess(market, hours, asOf, Horizons), null, chartFile));
            }
            catch (InsufficientHistoryException e)
            {
                entries.Add(new MarketBriefEntry(market, null, e.Message, chartFile));
            }
        }

        var brief = new MorningBrief(asOf, _clock.GetUtcNow(), BaselineRiskOptions.Defaults.ShortfallUtilization, MorningBrief.RiskiestFirst(entries));
        var result = new BriefResult(brief, Path.GetFullPath(directory));
        await File.WriteAllTextAsync(result.MarkdownPath, BriefMarkdownWriter.ToMarkdown(brief), cancellationToken);
        await File.WriteAllTextAsync(result.JsonPath, BriefJsonWriter.ToJson(brief), cancellationToken);
        return result;
    }
}
