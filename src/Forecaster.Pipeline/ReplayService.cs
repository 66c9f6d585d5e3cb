using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Forecaster.EarlyWarning;
using Forecaster.Flows;
using Forecaster.Ingest.Snapshots;
using Forecaster.Markets;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Recommend;
using Forecaster.Risk;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;

namespace Forecaster.Pipeline;

/// <summary>
/// The evidence behind the recommendations: for each real shortfall episode in snapshot files, the buffer Forecaster would
/// have recommended 24 h and 72 h before it (with data up to then only, from every market in the files) and whether it
/// would have met the deposit outflow that followed until the episode began; and, to compare what it demands on average
/// with a flat rule, the buffer it would have recommended at midnight UTC of every sampled day of the history.
/// </summary>
public static class ReplayService
{
    private static readonly int[] Leads = [24, 72];

    /// <summary>How often the time average samples the history: weekly keeps a replay of the shared files near a minute.</summary>
    public static readonly TimeSpan DefaultSampling = TimeSpan.FromDays(7);

    /// <summary>Replays every episode in the files.</summary>
    /// <param name="files">Snapshot files.</param>
    /// <param name="appetite">The risk profile.</param>
    /// <param name="sampling">Time-average sampling interval, a whole number of days (default <see cref="DefaultSampling"/>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="ForecasterException">A file is missing or malformed.</exception>
    /// <param name="basis">What the buffer rests on (default <see cref="ReplayBasis.Current"/>, the service's rule).</param>
    public static async Task<ReplayResult> RunAsync(IReadOnlyList<string> files, RiskAppetite appetite, TimeSpan? sampling = null, CancellationToken cancellationToken = default, ReplayBasis? basis = null)
    {
        var markets = await SnapshotFileLoader.LoadAsync(files, cancellationToken: cancellationToken);
        return await RunAsync(markets.Select(m => (m.Market, m.Hours)).ToList(), appetite, sampling, cancellationToken, basis);
    }

    /// <summary>Replays every episode of every market in a store (e.g. agent-simulated markets from <c>forecaster simulate</c>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="appetite">The risk profile.</param>
    /// <param name="sampling">Time-average sampling interval, a whole number of days (default <see cref="DefaultSampling"/>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="basis">What the buffer rests on (default <see cref="ReplayBasis.Current"/>).</param>
    /// <param name="accountFlows">Account-level flows (e.g. <see cref="AccountFlows.LoadAsync"/>), or null.</param>
    public static async Task<ReplayResult> RunAsync(IMarketStore store, RiskAppetite appetite, TimeSpan? sampling = null, CancellationToken cancellationToken = default, ReplayBasis? basis = null,
        AccountFlows? accountFlows = null) =>
        await RunAsync(await HistoriesAsync(store, cancellationToken), appetite, sampling, cancellationToken, basis, accountFlows);

    /// <summary>
    /// The replay as a proposal as of <paramref name="upTo"/> may show it: the service's rule (<see cref="ReplayBasis.Current"/>)
    /// on every episode of the store's markets that started at or before <paramref name="upTo"/>, read from the hours up to
    /// it only, and no time average (<see cref="ReplayResult.Samples"/> is empty: it samples the whole history and would
    /// cost most of the time). An episode's buffers and outflows need no hour after its start, so each episode kept is
    /// replayed exactly as a replay of the whole history replays it, and an episode starting later is not seen at all.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="appetite">The risk profile.</param>
    /// <param name="upTo">The last hour read (inclusive).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<ReplayResult> RunUpToAsync(IMarketStore store, RiskAppetite appetite, DateTimeOffset upTo, CancellationToken cancellationToken = default) =>
        await RunUpToAsync(await HistoriesUpTo.ReadAsync(store, upTo, cancellationToken), appetite, cancellationToken);

    /// <summary>
    /// <see cref="RunUpToAsync(IMarketStore, RiskAppetite, DateTimeOffset, CancellationToken)"/> on histories already read
    /// (and their worst-episode index already built), so proposals read the store's history once for their worst episodes
    /// and their track record.
    /// </summary>
    public static async Task<ReplayResult> RunUpToAsync(HistoriesUpTo histories, RiskAppetite appetite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return await Replay(histories.Markets.ToList(), appetite, null, ReplayBasis.Current, null, cancellationToken, histories.Worst);
    }

    private static async Task<List<(Market, IReadOnlyList<MarketHour>)>> HistoriesAsync(IMarketStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var histories = new List<(Market, IReadOnlyList<MarketHour>)>();
        foreach (var market in await store.GetMarketsAsync(cancellationToken))
            histories.Add((market, await store.GetHoursAsync(market.Name, cancellationToken: cancellationToken)));
        return histories;
    }

    /// <summary>Replays every episode of the given market histories (each in time order).</summary>
    /// <param name="histories">The markets and their hours.</param>
    /// <param name="appetite">The risk profile.</param>
    /// <param name="sampling">Time-average sampling interval, a whole number of days (default <see cref="DefaultSampling"/>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="basis">What the buffer rests on (default <see cref="ReplayBasis.Current"/>).</param>
    /// <param name="accountFlows">
    /// Account-level flows, for the bases that use who holds the deposits; markets they do not have have no known holders.
    /// Each market's flows are read once, in one pass that measures its holders at every hour the replay asks about.
    /// </param>
    public static async Task<ReplayResult> RunAsync(List<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, RiskAppetite appetite, TimeSpan? sampling = null,
        CancellationToken cancellationToken = default, ReplayBasis? basis = null, AccountFlows? accountFlows = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var every = sampling ?? DefaultSampling;
        if (every < TimeSpan.FromDays(1) || every.Ticks % TimeSpan.TicksPerDay != 0)
            throw new ArgumentOutOfRangeException(nameof(sampling), every, "The time-average sampling must be a whole number of days.");
        return await Replay(histories, appetite, every, basis ?? ReplayBasis.Current, accountFlows, cancellationToken);
    }

    // The replay itself; `every` null samples no time average; `index`, when given, is these histories' worst-episode index.
    private static async Task<ReplayResult> Replay(List<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, RiskAppetite appetite, TimeSpan? every, ReplayBasis basis,
        AccountFlows? accountFlows, CancellationToken cancellationToken, WorstScenarioIndex? index = null)
    {
        var definition = new ShortfallDefinition();
        var days = every is { } step ? SampleDays(histories, step) : [];
        var holders = basis.LargestHolders && accountFlows is not null ? await HoldersAsync(histories, days, accountFlows, cancellationToken) : null;
        var buffers = new BufferRule(basis, new OutflowRiskModel(basis.Risk), appetite, basis.EarlyWarning
            ? WalkForwardProbabilities.Compute(histories.Select(h => new MarketHistory(h.Market.Name, h.Hours)).ToList(), new BacktestOptions(), cancellationToken)
            : null, holders, ReserveTargetPolicy.For(appetite) with { ScenarioHorizon = basis.AllScenarios ? TimeSpan.MaxValue : ReserveTargetPolicy.DayScale },
            basis.PeerStressShare > 0 ? new PeerStress(histories, basis.PeerStressShare) : null);
        // Every episode at every lead is judged on its own, so they run in parallel; each lands in its own slot, so the
        // result is in the same order whatever the timing.
        // A given index is the service's rule's (one index over every market), which is all the proposals' track record replays.
        var worst = index is not null
            ? new WorstScenarios([index])
            : WorstScenarios.For(basis.SeasonedScenarioDays > 0 ? Seasoned(histories, TimeSpan.FromDays(basis.SeasonedScenarioDays)) : histories, basis);
        var points = histories.SelectMany(h => Episodes(h.Hours, definition).SelectMany(e => Leads.Select(lead => (h.Market, h.Hours, e.Start, lead)))).ToList();
        var judged = new (ReplayEpisode? Episode, ReplaySkip? Skip)[points.Count];
        try
        {
            Parallel.For(0, points.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var (market, hours, start, lead) = points[i];
                judged[i] = Judge(market, hours, start, lead, worst, buffers);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The failure as the sequential replay raised it, so callers (and Hangfire's retry rules) see its own type.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        var episodes = judged.Where(j => j.Episode is not null).Select(j => j.Episode!).ToList();
        var skipped = judged.Where(j => j.Skip is not null).Select(j => j.Skip!).ToList();
        return new ReplayResult(appetite, episodes.OrderBy(e => e.Start).ThenBy(e => e.HoursBefore).ToList(), skipped)
        {
            Samples = SampleBuffers(histories, worst, buffers, days, cancellationToken),
            Sampling = every ?? TimeSpan.Zero,
            Basis = basis.Name,
            MarketsWithHolders = basis.LargestHolders
                ? histories.Select(h => h.Market.Name).Where(n => accountFlows?.Has(n) == true).OrderBy(n => n, StringComparer.Ordinal).ToList()
                : [],
            MarketsWithoutHolders = basis.LargestHolders
                ? histories.Select(h => h.Market.Name).Where(n => accountFlows?.Has(n) != true).OrderBy(n => n, StringComparer.Ordinal).ToList()
                : [],
        };
    }

    // Each market's hours from `seasoning` after its first hour with the eligibility minimum of deposits (none before it).
    private static List<(Market Market, IReadOnlyList<MarketHour> Hours)> Seasoned(List<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, TimeSpan seasoning) =>
        histories.Select(h =>
        {
            var eligible = h.Hours.Where(x => x.SuppliedUsd >= StressTester.MinimumDepositsUsd).Select(x => x.Hour).DefaultIfEmpty(DateTimeOffset.MaxValue).First();
            return (h.Market, (IReadOnlyList<MarketHour>)h.Hours.Where(x => eligible != DateTimeOffset.MaxValue && x.Hour >= eligible + seasoning).ToList());
        }).ToList();

    // The buffer recommended `lead` hours before an episode of `market` that started at `start`, and the outflow that
    // followed; or why there is none.
    private static (ReplayEpisode?, ReplaySkip?) Judge(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset start, int lead,
        WorstScenarios worst, BufferRule buffers)
    {
        var at = start - TimeSpan.FromHours(lead);
        var index = IndexOf(hours, at);
        if (index < 0) return (null, new ReplaySkip(market.Name, start, lead, "no data at that hour"));
        try
        {
            var target = buffers.TargetAt(market, hours, worst.AsOf(at), at);
            return (new ReplayEpisode(market.Name, start, lead, hours[index].SuppliedUsd, target.TargetBufferUsd, RealizedOutflowUsd(hours, index, start))
            {
                Utilization = hours[index].Utilization,
                OptimalUtilization = target.OptimalUtilization,
                Target = target,
            }, null);
        }
        catch (InsufficientHistoryException e)
        {
            return (null, new ReplaySkip(market.Name, start, lead, e.Message));
        }
    }

    /// <summary>
    /// The largest fall of deposits from hour <paramref name="index"/> until <paramref name="until"/>, valued at that hour's
    /// price: in tokens where both hours know them (a price fall is no outflow), in USD otherwise; 0 when nothing left.
    /// </summary>
    public static double RealizedOutflowUsd(IReadOnlyList<MarketHour> hours, int index, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var from = hours[index];
        return hours.Skip(index + 1).TakeWhile(h => h.Hour <= until).Select(h => DepositChange.OutflowUsd(from, h)).Append(0).Max();
    }

    // The recommendation the service would have made at `at`, from data up to then only: the market's liquidity risk, its
    // rate curve's kink as its own rates showed it then (assumed where they did not), and the worst episodes seen so far;
    // its peers' stress then (unless the basis weighs its own alone); under the early-warning basis, also what the model fit
    // before then said; under the concentration basis, who held the deposits at the end of that hour (the hour's state is its
    // end), from the market's account-level flows; under the size-aware basis, each episode scaled to its deposits then.
    private sealed record BufferRule(ReplayBasis Basis, OutflowRiskModel RiskModel, RiskAppetite Appetite, WalkForwardProbabilities? Probabilities,
        IReadOnlyDictionary<string, Dictionary<DateTimeOffset, DepositorConcentration>>? Holders, ReserveTargetPolicy Policy, PeerStress? Peers)
    {
        public ReserveTarget TargetAt(Market market, IReadOnlyList<MarketHour> hours, IReadOnlyList<StressScenario> scenarios, DateTimeOffset at)
        {
            var risk = RiskModel.Assess(market, hours, at);
            var parameters = MarketParameters.AsOf(market.Asset, hours, at);
            if (Basis.SizeExponent > 0) scenarios = scenarios.Select(s => s.ScaledTo(risk.Current.SuppliedUsd, Basis.SizeExponent)).ToList();
            // The policy is the service's (ReserveTargetPolicy.Compute) with the basis's scenario horizon.
            var target = Policy.Compute(risk, scenarios, Appetite, parameters.OptimalUtilization, Probabilities?.At(market.Name, risk.AsOf) ?? double.NaN,
                Peers?.At(market, risk.AsOf));
            if (Holders is null || !Holders.TryGetValue(market.Name, out var byTime)) return target;
            if (!byTime.TryGetValue(risk.AsOf + HourlyGrid.Step, out var concentration))
                throw new InvalidOperationException($"The holders of {market.Name} were not measured at {risk.AsOf + HourlyGrid.Step:u}: HolderTimes misses an hour the replay asks about.");
            return Policy.CoverLargestHolders(target, concentration, risk.Current.SuppliedUsd);
        }
    }

    // The buffer at midnight UTC of every sampled day on which a market has an hour and enough history for a recommendation.
    // Days are counted from the Unix epoch so every market is sampled on the same days, which share one scenario search.
    // Days run in parallel; each assessment is seeded, so the result does not depend on the order.
    private static List<BufferSample> SampleBuffers(List<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, WorstScenarios worst, BufferRule buffers, List<DateTimeOffset> days, CancellationToken cancellationToken)
    {
        var withData = histories.Where(h => h.Hours.Count > 0).ToList();
        var samples = new ConcurrentBag<BufferSample>();
        Parallel.ForEach(days, new ParallelOptions { CancellationToken = cancellationToken }, day =>
        {
            IReadOnlyList<StressScenario>? scenarios = null;
            foreach (var (market, hours) in withData)
            {
                var index = IndexOf(hours, day);
                if (!Sampled(hours, index)) continue;
                try
                {
                    scenarios ??= worst.AsOf(day);
                    var target = buffers.TargetAt(market, hours, scenarios, day);
                    samples.Add(new BufferSample(market.Name, day, hours[index].SuppliedUsd, target.TargetBufferUsd) { Target = target, Utilization = hours[index].Utilization });
                }
                catch (InsufficientHistoryException)
                {
                    // Too early in this market's history for a recommendation: no sample, as the service would have made none.
                }
            }
        });
        return samples.OrderBy(s => s.At).ThenBy(s => s.Market, StringComparer.Ordinal).ToList();
    }

    // The sampled days: midnight UTC every `every` days from the epoch, from 30 days after the first market's first hour to
    // the last hour of any market.
    private static List<DateTimeOffset> SampleDays(List<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, TimeSpan every)
    {
        var withData = histories.Where(h => h.Hours.Count > 0).ToList();
        if (withData.Count == 0) return [];
        var first = withData.Min(h => h.Hours[0].Hour) + TimeSpan.FromDays(30);
        var last = withData.Max(h => h.Hours[^1].Hour);
        var step = (long)every.TotalDays;
        var days = new List<DateTimeOffset>();
        for (var day = DateTimeOffset.UnixEpoch.AddDays((long)Math.Ceiling((first - DateTimeOffset.UnixEpoch).TotalDays / step) * step); day <= last; day += every)
            days.Add(day);
        return days;
    }

    private static bool Sampled(IReadOnlyList<MarketHour> hours, int index) => index >= 0 && hours[index].SuppliedUsd > 0;

    private static IReadOnlyList<ShortfallEpisode> Episodes(IReadOnlyList<MarketHour> hours, ShortfallDefinition definition)
    {
        var shortfall = hours.Select(h => h.SuppliedUsd >= definition.MinimumDepositsUsd && h.Utilization >= definition.ShortfallUtilization).ToArray();
        return EpisodeFinder.Find(hours.Select(h => h.Hour).ToArray(), shortfall, definition.EpisodeMergeGap);
    }

    // Who held each market's deposits at every hour the replay asks about (the end of each episode point's and each sampled
    // day's hour), measured in one pass over the market's flows, one market at a time: only the holders' balances of one
    // market and the measured points are held, never a market's flows.
    private static async Task<Dictionary<string, Dictionary<DateTimeOffset, DepositorConcentration>>> HoldersAsync(
        List<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, List<DateTimeOffset> days, AccountFlows flows, CancellationToken cancellationToken)
    {
        var definition = new ShortfallDefinition();
        var result = new Dictionary<string, Dictionary<DateTimeOffset, DepositorConcentration>>(StringComparer.Ordinal);
        foreach (var (market, hours) in histories)
        {
            if (!flows.Has(market.Name)) continue;
            // The points the replay assesses: an assessment at an hour the market has is as of that very hour.
            var points = Episodes(hours, definition).SelectMany(e => Leads.Select(lead => e.Start - TimeSpan.FromHours(lead))).Where(at => IndexOf(hours, at) >= 0)
                .Concat(days.Where(day => Sampled(hours, IndexOf(hours, day))));
            var times = points.Select(at => at + HourlyGrid.Step).Distinct().Order().ToList();
            var series = await flows.SeriesAsync(market.Name, times, cancellationToken);
            result[market.Name] = series.ToDictionary(c => c.AsOf);
        }
        return result;
    }

    // The worst episodes the buffer weighs as of an hour: the worst of each kind over every market (the service's rule), or,
    // under the size-aware basis, the worst of each kind in each source market, so that an episode from a large market that
    // was not the worst relative move can still be the worst once every one is scaled to the market's size.
    private sealed record WorstScenarios(IReadOnlyList<WorstScenarioIndex> Sources)
    {
        public static WorstScenarios For(List<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, ReplayBasis basis) =>
            new(basis.SizeExponent > 0 ? histories.Select(h => WorstScenarioIndex.Build([h])).ToList() : [WorstScenarioIndex.Build(histories)]);

        public IReadOnlyList<StressScenario> AsOf(DateTimeOffset asOf) => Sources.Count == 1 ? Sources[0].AsOf(asOf) : Sources.SelectMany(s => s.AsOf(asOf)).ToList();
    }

    // Index of the hour itself, or -1 when the market has no row at that hour.
    private static int IndexOf(IReadOnlyList<MarketHour> hours, DateTimeOffset hour) =>
        HourlyGrid.LastAtOrBefore(hours, hour) is var index and >= 0 && hours[index].Hour == hour ? index : -1;
}
