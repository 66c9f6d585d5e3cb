using System.Globalization;
using System.Text.Json;
using Forecaster.Markets;
using Forecaster.Publish.Charts;
using Forecaster.Publish.Inputs;
using Forecaster.Publish.Proposals;
using Forecaster.Recommend;
using Forecaster.Risk;
using Forecaster.Risk.Collateral;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;

namespace Forecaster.Pipeline;

/// <summary>
/// Assesses every market's liquidity risk, replays the worst real episodes on it, recommends bounded changes and writes
/// one governance proposal (Markdown and JSON) per market that needs action, under <c>&lt;out&gt;/&lt;date&gt;/proposals/</c>.
/// </summary>
public sealed class ProposalService(IMarketStore store, IMarketRiskModel? riskModel = null)
{
    /// <summary>Runs the analysis and writes the proposals.</summary>
    /// <exception cref="ForecasterException">The store is empty.</exception>
    public async Task<ProposalRunResult> CreateAsync(ProposalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TreasuryBudgetUsd < 0 || double.IsNaN(options.TreasuryBudgetUsd))
            throw new ArgumentOutOfRangeException(nameof(options), options.TreasuryBudgetUsd, "--treasury-budget must be a non-negative USD amount.");
        var (markets, asOf) = await StoreAsOf.ResolveAsync(store, options.AsOf, cancellationToken);

        var histories = new List<(Market Market, IReadOnlyList<MarketHour> Hours)>();
        foreach (var market in markets)
            histories.Add((market, await store.GetHoursAsync(market.Name, asOf - TimeSpan.FromDays(400), asOf, cancellationToken)));
        var scenarios = StressTester.FindWorst(histories, asOf);
        var correlated = histories.Count >= 2 ? CorrelatedStressAnalyzer.Analyze(histories, await StablecoinPricesAsync(asOf, cancellationToken), asOf) : null;

        var engine = new RecommendationEngine(new RecommendationOptions { Appetite = options.Appetite });
        var model = riskModel ?? new BaselineRiskModel();
        var assessed = new List<(LiquidityRiskReport Risk, double Probability, string Method, IReadOnlyList<MarketHour> Hours)>();
        var skipped = new List<(string, string)>();
        foreach (var (market, hours) in histories)
        {
            try
            {
                var risk = new OutflowRiskModel().Assess(market, hours, asOf);
                var assessment = model.Assess(market, hours, asOf, [TimeSpan.FromHours(24)]);
                assessed.Add((risk, assessment.ShortfallProbability24h, assessment.Method, hours));
            }
            catch (InsufficientHistoryException e)
            {
                skipped.Add((market.Name, e.Message));
            }
        }

        var topUps = AllocateTreasury(assessed.Select(a => (a.Risk, a.Hours)).ToList(), engine, scenarios, options.TreasuryBudgetUsd);
        var directory = Path.Combine(options.OutputDirectory, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "proposals");
        Directory.CreateDirectory(directory);
        // Delays run on the proposals' as-of time, so a run for an earlier day (or a replay) sees the history as it was then.
        var historyPath = Path.Combine(options.OutputDirectory, ParameterHistoryFile.FileName);
        var history = ParameterHistoryFile.Load(historyPath);
        var recommendations = new List<MarketRecommendation>();
        var written = new List<(GovernanceProposal, string)>();
        for (var i = 0; i < assessed.Count; i++)
        {
            var (risk, probability, method, hours) = assessed[i];
            var parameters = history.Apply(risk.Market.Name, MarketParameters.AssumedFor(risk.Market.Asset, risk.Current.BorrowedUsd), asOf);
            var collateral = await AdviseCollateralAsync(risk.Market, parameters, risk.Current.SuppliedUsd, asOf, cancellationToken);
            var recommendation = engine.Recommend(risk, scenarios, probability, parameters,
                RateResponseEstimator.DepositsPerRatePointUsd(hours, asOf), topUps[i], history.LastChanged(risk.Market.Name, asOf), asOf, collateral);
            recommendations.Add(recommendation);
            if (!recommendation.NeedsAction) continue;

            var chartData = BaselineChartInputs.Utilization(risk.Market, hours, asOf - TimeSpan.FromDays(90), BaselineRiskOptions.Defaults.ShortfallUtilization,
                recommendation.Parameters.OptimalUtilization, [], []);
            var (chart, _) = ChartFiles.Save(UtilizationChart.Create(chartData), directory, $"{risk.Market.Name}-utilization", UtilizationChart.Size);
            var proposal = new GovernanceProposal(recommendation, risk, scenarios.Select(s => StressTester.Apply(risk.Current, s)).ToList(), method, chart) { Correlated = correlated };
            var markdownPath = Path.Combine(directory, $"{risk.Market.Name}.md");
            await File.WriteAllTextAsync(markdownPath, ProposalMarkdownWriter.ToMarkdown(proposal), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, $"{risk.Market.Name}.json"), ProposalJsonWriter.ToJson(proposal), cancellationToken);
            written.Add((proposal, markdownPath));
        }
        await File.WriteAllTextAsync(Path.Combine(directory, "index.json"), JsonSerializer.Serialize(recommendations.Select(r => new
        {
            market = r.Target.Market,
            needsAction = r.NeedsAction,
            targetBufferUsd = r.Target.TargetBufferUsd,
            availableUsd = r.Target.AvailableUsd,
            gapUsd = r.Target.GapUsd,
            shortfallProbability24h = r.ShortfallProbability24h,
            changes = r.Changes.Count,
            heldByDelay = r.Held.Select(h => h.Parameter),
        }), new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        // Recorded last, once every proposal is on disk: a failed run leaves the history as it was.
        ParameterHistoryFile.Save(historyPath, recommendations.Where(r => r.NeedsAction).Aggregate(history, (h, r) => h.With(r.Changes, asOf)));
        return new ProposalRunResult(Path.GetFullPath(directory), recommendations, written, skipped);
    }

    // Dollar stablecoins' prices over the same 400 days as the market histories, for the depeg replay.
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Prices.PriceHour>>> StablecoinPricesAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var prices = new Dictionary<string, IReadOnlyList<Prices.PriceHour>>();
        if (store is not IPriceStore priceStore) return prices;
        foreach (var symbol in (await priceStore.GetPriceSymbolsAsync(cancellationToken)).Where(MarketParameters.IsStablecoin))
            prices[symbol] = await priceStore.GetPricesAsync(symbol, asOf - TimeSpan.FromDays(400), asOf, cancellationToken);
        return prices;
    }

    // Collateral ratios need the asset's own prices up to the as-of hour; without them (no prices stored, or none in the
    // last day) the market gets no collateral advice rather than one resting on stale volatility.
    private async Task<CollateralAdvice?> AdviseCollateralAsync(Market market, MarketParameters parameters, double depositsUsd, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (parameters.Collateral is null || depositsUsd <= 0 || store is not IPriceStore prices) return null;
        var history = await prices.GetPricesAsync(market.Asset, asOf - TimeSpan.FromDays(120), asOf, cancellationToken);
        try
        {
            return CollateralRatioPolicy.Advise(parameters.Collateral, PriceVolatility.Estimate(market.Asset, history, asOf), depositsUsd);
        }
        catch (InsufficientHistoryException)
        {
            return null;
        }
    }

    // Each market's possible 24 h withdrawal demands (its own historical 24 h outflows at today's deposits) feed the allocator.
    private static IReadOnlyList<double> AllocateTreasury(IReadOnlyList<(LiquidityRiskReport Risk, IReadOnlyList<MarketHour> Hours)> markets,
        RecommendationEngine engine, IReadOnlyList<StressScenario> scenarios, double budget)
    {
        if (budget <= 0) return new double[markets.Count];
        var exposures = markets.Select(m =>
        {
            var sample = OutflowRiskModel.HistoricalOutflows(m.Hours, TimeSpan.FromHours(24)).Select(o => Math.Max(o, 0) * m.Risk.Current.SuppliedUsd).OrderBy(x => x).ToList();
            var needy = engine.Target(m.Risk, scenarios).GapUsd > 0;
            return new MarketExposure(m.Risk.Market.Name, Math.Max(m.Risk.Current.AvailableLiquidityUsd, 0), needy ? sample : []);
        }).ToList();
        return TreasuryAllocator.Allocate(exposures, budget);
    }
}
