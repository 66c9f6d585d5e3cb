using System.Text.Json;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Hangfire;

namespace Forecaster.Jobs;

/// <summary>
/// The recommend stage for one market: <see cref="ProposalService"/> recommends bounded changes against the as-of
/// hour's stress scenarios and, when the market needs action, writes its governance proposal (as <c>forecaster
/// propose</c> does, under <c>&lt;date&gt;/proposals/</c>, with the track record the fan-out recorded for the hour). The record carries the brief's action lines, so publishing
/// lists them. Like <c>propose --account-flows</c>, the proposal says who holds the deposits when the store has the
/// market's account-level flows (<see cref="AccountFlowReader"/>). Then it lets the join enqueue publishing once every market of the as-of hour is through.
/// </summary>
public sealed class RecommendMarketJob(IMarketStore store, IStageLedger ledger, StageClock clock, MorningJoin join, StressScenarios scenarios, TrackRecords trackRecords, AccountFlowReader holders, JobsOptions options)
{
    /// <summary>What the record's <c>recommender</c> field says.</summary>
    public const string Recommender = "proposal-service";

    [AutomaticRetry(Attempts = 3, ExceptOn = [typeof(ForecasterException), typeof(ArgumentException)])]
    public async Task RunAsync(string market, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        if (await ledger.GetAsync(PipelineStages.Recommend, market, asOf, cancellationToken) is null)
        {
            var startedAt = clock.Now;
            var info = (await store.GetMarketsAsync(cancellationToken)).FirstOrDefault(m => m.Name == market) ?? throw new UnknownMarketException(market);
            var proposalOptions = new ProposalOptions
            {
                OutputDirectory = options.ReportsDirectory,
                AsOf = asOf,
                AccountFlows = await holders.LoadAsync(asOf, market, cancellationToken),
            };
            var result = await new ProposalService(store)
                .ProposeAsync(info, asOf, await scenarios.GetOrFindAsync(asOf, cancellationToken), await trackRecords.GetOrFindAsync(asOf, proposalOptions.Appetite, cancellationToken),
                    proposalOptions, cancellationToken);
            var briefDirectory = BriefService.DirectoryFor(options.ReportsDirectory, asOf);
            var payload = new RecommendPayload
            {
                Market = market,
                AsOf = asOf,
                Recommender = Recommender,
                Appetite = proposalOptions.Appetite.ToString().ToLowerInvariant(),
                NeedsAction = result.Recommendation?.NeedsAction ?? false,
                ShortfallProbability24h = result.Recommendation?.ShortfallProbability24h,
                Changes = result.Recommendation?.Changes.Count ?? 0,
                Proposal = result.MarkdownPath is { } path ? Path.GetRelativePath(options.ReportsDirectory, path).Replace('\\', '/') : null,
                Actions = result.Proposal is { } proposal ? RecommendedActions.For(proposal, result.MarkdownPath!, briefDirectory) : [],
                Problem = result.Skipped,
            };
            await ledger.TryRecordAsync(clock.Record(PipelineStages.Recommend, market, asOf, startedAt, JsonSerializer.Serialize(payload, ForecastPayload.Json)), cancellationToken);
        }
        // Also on a retry after a crash between recording and joining: the join is idempotent.
        await join.MarketDoneAsync(asOf, cancellationToken);
    }
}
