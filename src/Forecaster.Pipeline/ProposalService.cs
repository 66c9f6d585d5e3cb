using System.Globalization;
using System.Text.Json;
using Forecaster.Flows;
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

        // One read of every market's whole history serves the worst episodes, the track record's replay and (its last
        // 400 days, as HistoryAsync reads them) the assessments.
        var whole = await HistoriesUpTo.ReadAsync(store, markets, asOf, cancellationToken);
        var histories = whole.Since(HistoryStart(asOf));
        var shared = whole.Shared();
        var scenarios = shared.Scenarios;
        var correlated = await CorrelatedStressAsync(histories, asOf, cancellationToken);
        var trackRecord = await ReplayTrackRecord.FindAsync(whole, options.Appetite, cancellationToken);

        var engine = new RecommendationEngine(new RecommendationOptions { Appetite = options.Appetite });
        var assessed = new List<Assessed>();
        var skipped = new List<(string, string)>();
        foreach (var (market, hours) in histories)
        {
            try { assessed.Add(Assess(market, hours, asOf, shared)); }
            catch (InsufficientHistoryException e) { skipped.Add((market.Name, e.Message)); }
        }

        var topUps = AllocateTreasury(assessed, engine, scenarios, options.TreasuryBudgetUsd);
        var directory = DirectoryFor(options.OutputDirectory, asOf);
        Directory.CreateDirectory(directory);
        // Delays run on the proposals' as-of time, so a run for an earlier day (or a replay) sees the history as it was then.
        var historyPath = HistoryPathFor(options.OutputDirectory);
        var history = ParameterHistoryFile.Load(historyPath);
        var recommendations = new List<MarketRecommendation>();
        var written = new List<(GovernanceProposal, string)>();
        for (var i = 0; i < assessed.Count; i++)
        {
            var (recommendation, proposal) = await RecommendAsync(assessed[i], asOf, engine, scenarios, trackRecord, topUps[i], history, correlated, directory, options.AccountFlows, cancellationToken);
            recommendations.Add(recommendation);
            if (proposal is { } p) written.Add(p);
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
        return new ProposalRunResult(Path.GetFullPath(directory), recommendations, written, skipped) { Correlated = correlated };
    }

    /// <summary>
    /// The worst real stress episodes up to <paramref name="asOf"/> across every market in the store, over each market's
    /// whole stored history (not the 400 days the risk measures read): a crisis is not forgotten as it ages, and
    /// <c>forecaster replay</c>, which reads the whole history up to each replayed hour, tests the very rule proposals use.
    /// Each market's recommendation is tested against all of them. With them, each market's peer stress, from the same hours.
    /// </summary>
    /// <remarks>The replay's own index and peer stress answer it (<see cref="HistoriesUpTo.Shared"/>), so both size the target by one rule.</remarks>
    public async Task<SharedStress> FindSharedStressAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        (await HistoriesUpTo.ReadAsync(store, asOf, cancellationToken)).Shared();

    /// <summary>
    /// How the store's markets' deposit outflows moved together up to <paramref name="asOf"/>, as <see cref="CreateAsync"/>
    /// puts it in proposals (and the brief in its JSON); null with fewer than two markets. For the service's brief, whose
    /// per-market jobs never see all markets at once.
    /// </summary>
    public async Task<CorrelatedStress?> CorrelatedStressAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        await CorrelatedStressAsync(await HistoriesAsync(await store.GetMarketsAsync(cancellationToken), asOf, cancellationToken), asOf, cancellationToken);

    private async Task<CorrelatedStress?> CorrelatedStressAsync(List<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        histories.Count >= 2 ? CorrelatedStressAnalyzer.Analyze(histories, await StablecoinPricesAsync(asOf, cancellationToken), asOf) : null;

    /// <summary>
    /// One market's recommendation against <paramref name="shared"/> (from <see cref="FindSharedStressAsync"/> at the same hour), and its
    /// proposal files when it needs action, as <see cref="CreateAsync"/> writes them, with <paramref name="trackRecord"/>
    /// (from <see cref="ReplayTrackRecord.FindAsync(IMarketStore, RiskAppetite, DateTimeOffset, CancellationToken)"/> at the same hour and profile: the same for every market, so found once). No treasury top-up and no correlated
    /// cross-market stress: both need every market at once, which only <see cref="CreateAsync"/> sees together. It reads the
    /// parameter history (so minimum delays hold) but does not record to it: markets' jobs run in parallel, and one file
    /// written by each would lose updates; the morning's <see cref="CreateAsync"/> run records.
    /// </summary>
    /// <exception cref="ArgumentException">The track record is of another hour or profile.</exception>
    /// <exception cref="ForecasterException">The shared stress has no peer stress for the market at its assessment's hour.</exception>
    public async Task<MarketProposalResult> ProposeAsync(Market market, DateTimeOffset asOf, SharedStress shared, TrackRecord trackRecord, ProposalOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(trackRecord);
        ArgumentNullException.ThrowIfNull(options);
        if (trackRecord.AsOf != asOf || trackRecord.Appetite != options.Appetite)
            throw new ArgumentException($"The track record is of {trackRecord.AsOf:u} ({trackRecord.Appetite}), the proposal of {asOf:u} ({options.Appetite}).", nameof(trackRecord));
        Assessed assessed;
        try { assessed = Assess(market, await HistoryAsync(market, asOf, cancellationToken), asOf, shared); }
        catch (InsufficientHistoryException e) { return new MarketProposalResult(market.Name, null, null, null, e.Message); }
        var engine = new RecommendationEngine(new RecommendationOptions { Appetite = options.Appetite });
        var history = ParameterHistoryFile.Load(HistoryPathFor(options.OutputDirectory));
        var (recommendation, proposal) = await RecommendAsync(assessed, asOf, engine, shared.Scenarios, trackRecord, 0, history, null, DirectoryFor(options.OutputDirectory, asOf), options.AccountFlows, cancellationToken);
        return new MarketProposalResult(market.Name, recommendation, proposal?.Proposal, proposal?.MarkdownPath, null);
    }

    /// <summary>The folder proposals of <paramref name="asOf"/> are written to.</summary>
    public static string DirectoryFor(string outputDirectory, DateTimeOffset asOf) =>
        Path.Combine(outputDirectory, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "proposals");

    private static string HistoryPathFor(string outputDirectory) => Path.Combine(outputDirectory, ParameterHistoryFile.FileName);

    // Parameters: assumed ones, with the rate curve and reserve factor read from the market's own rates where they show them.
    private sealed record Assessed(LiquidityRiskReport Risk, double Probability, string Method, IReadOnlyList<MarketHour> Hours, MarketParameters Parameters, PeerStressReading PeerStress);

    private async Task<List<(Market Market, IReadOnlyList<MarketHour> Hours)>> HistoriesAsync(IReadOnlyList<Market> markets, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var histories = new List<(Market Market, IReadOnlyList<MarketHour> Hours)>();
        foreach (var market in markets)
            histories.Add((market, await HistoryAsync(market, asOf, cancellationToken)));
        return histories;
    }

    private Task<IReadOnlyList<MarketHour>> HistoryAsync(Market market, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        store.GetHoursAsync(market.Name, HistoryStart(asOf), asOf, cancellationToken);

    // The window the assessments read: risk measures, rate estimates, correlations and the treasury allocation.
    private static DateTimeOffset HistoryStart(DateTimeOffset asOf) => asOf - TimeSpan.FromDays(400);

    private Assessed Assess(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf, SharedStress shared)
    {
        var risk = new OutflowRiskModel().Assess(market, hours, asOf);
        var assessment = (riskModel ?? new BaselineRiskModel()).Assess(market, hours, asOf, [TimeSpan.FromHours(24)]);
        var parameters = MarketParameters.AsOf(market.Asset, hours, asOf);
        return new Assessed(risk, assessment.ShortfallProbability24h, assessment.Method, hours, parameters, shared.PeerStressOf(market.Name, risk.AsOf));
    }

    // Writes the proposal (Markdown, JSON and its utilization chart) when the market needs action; a rerun overwrites the same files.
    private async Task<(MarketRecommendation, (GovernanceProposal Proposal, string MarkdownPath)?)> RecommendAsync(Assessed assessed, DateTimeOffset asOf,
        RecommendationEngine engine, IReadOnlyList<StressScenario> scenarios, TrackRecord trackRecord, double topUp, ParameterHistory history, CorrelatedStress? correlated,
        string directory, AccountFlows? accountFlows, CancellationToken cancellationToken)
    {
        var (risk, probability, method, hours, assumed, peers) = assessed;
        var parameters = history.Apply(risk.Market.Name, assumed, asOf);
        var collateral = await AdviseCollateralAsync(risk.Market, parameters, risk.Current.SuppliedUsd, asOf, cancellationToken);
        var recommendation = engine.Recommend(risk, scenarios, probability, parameters,
            RateResponseEstimator.DepositsPerRatePointUsd(hours, asOf), topUp, history.LastChanged(risk.Market.Name, asOf), asOf, collateral, peers);
        if (!recommendation.NeedsAction) return (recommendation, null);
        // The agent-based outflow is shown beside the other methods but moves no recommended value, so only markets whose
        // proposal is written pay for it.
        risk = new OutflowRiskModel().WithAgentBased(risk, parameters.RateCurve);

        Directory.CreateDirectory(directory);
        var chartData = BaselineChartInputs.Utilization(risk.Market, hours, asOf - TimeSpan.FromDays(90), BaselineRiskOptions.Defaults.ShortfallUtilization,
            recommendation.Parameters.OptimalUtilization, [], []);
        var (chart, _) = ChartFiles.Save(UtilizationChart.Create(chartData), directory, $"{risk.Market.Name}-utilization", UtilizationChart.Size);
        var proposal = new GovernanceProposal(recommendation, risk, scenarios.Select(s => StressTester.Apply(risk.Current, s)).ToList(), method, chart)
        {
            Correlated = correlated,
            TrackRecord = trackRecord,
            Holders = accountFlows is null ? null : await accountFlows.AtEndOfHourAsync(risk.Market.Name, risk.AsOf, cancellationToken),
        };
        var markdownPath = Path.Combine(directory, $"{risk.Market.Name}.md");
        await File.WriteAllTextAsync(markdownPath, ProposalMarkdownWriter.ToMarkdown(proposal), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, $"{risk.Market.Name}.json"), ProposalJsonWriter.ToJson(proposal), cancellationToken);
        return (recommendation, (proposal, markdownPath));
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
    private static IReadOnlyList<double> AllocateTreasury(IReadOnlyList<Assessed> markets, RecommendationEngine engine, IReadOnlyList<StressScenario> scenarios, double budget)
    {
        if (budget <= 0) return new double[markets.Count];
        var exposures = markets.Select(m =>
        {
            var sample = OutflowRiskModel.HistoricalOutflows(m.Hours, TimeSpan.FromHours(24)).Select(o => Math.Max(o, 0) * m.Risk.Current.SuppliedUsd).OrderBy(x => x).ToList();
            var needy = engine.Target(m.Risk, scenarios, m.Parameters.OptimalUtilization, peerStress: m.PeerStress).GapUsd > 0;
            return new MarketExposure(m.Risk.Market.Name, Math.Max(m.Risk.Current.AvailableLiquidityUsd, 0), needy ? sample : []);
        }).ToList();
        return TreasuryAllocator.Allocate(exposures, budget);
    }
}
