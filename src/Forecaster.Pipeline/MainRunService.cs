using Forecaster.Risk;
using Forecaster.Simulation;

namespace Forecaster.Pipeline;

/// <summary>
/// The main job, once: if the store is empty, fill it from the simulator (and say so), then write the brief.
/// </summary>
public sealed class MainRunService(IMarketStore store, TimeProvider? clock = null)
{
    /// <summary>Where each market's account-level flows are found; the brief and proposals show who holds the deposits where it finds some.</summary>
    public AccountFlowReader AccountFlows { get; init; } = AccountFlowReader.None;

    /// <summary>
    /// Runs the job. <paramref name="progress"/> hears each stage as it starts. <paramref name="chooseRiskModel"/>, when
    /// given, is asked for the risk model once the store is filled (a model may need the data to be trained on); it may
    /// answer null for the baseline.
    /// </summary>
    public async Task<MainRunResult> RunAsync(BriefOptions briefOptions, SimulationOptions simulationOptions, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default, Func<CancellationToken, Task<IMarketRiskModel?>>? chooseRiskModel = null)
    {
        var simulated = false;
        var counts = await store.CountHoursAsync(cancellationToken);
        if (counts.Values.Sum() == 0)
        {
            progress?.Report($"The store is empty: simulating {simulationOptions.Markets} markets over {simulationOptions.Days} days (seed {simulationOptions.Seed}).");
            await new SimulationService(store).SimulateAsync(simulationOptions, cancellationToken);
            simulated = true;
        }
        var riskModel = chooseRiskModel is null ? null : await chooseRiskModel(cancellationToken);
        progress?.Report("Assessing markets, writing proposals and the brief.");
        var brief = await BriefWithProposalsAsync(briefOptions, cancellationToken, riskModel);
        return new MainRunResult(brief, simulated);
    }

    /// <summary>
    /// The morning's reports for the store as it is: governance proposals for markets needing action (moderate profile),
    /// then the brief, which lists the proposed actions and links their proposals. Both use <paramref name="riskModel"/>
    /// (the baseline when null), so the brief and its proposals never disagree on a market's risk.
    /// </summary>
    public async Task<BriefResult> BriefWithProposalsAsync(BriefOptions briefOptions, CancellationToken cancellationToken = default, IMarketRiskModel? riskModel = null)
    {
        ArgumentNullException.ThrowIfNull(briefOptions);
        // The as-of hour is fixed first, so the flows are read up to it, and the proposals and the brief see the same ones.
        var (_, asOf) = await StoreAsOf.ResolveAsync(store, briefOptions.AsOf, cancellationToken);
        var flows = await AccountFlows.LoadAsync(asOf, cancellationToken: cancellationToken);
        var proposals = await new ProposalService(store, riskModel).CreateAsync(
            new ProposalOptions { OutputDirectory = briefOptions.OutputDirectory, AsOf = asOf, AccountFlows = flows }, cancellationToken);
        var briefDirectory = Path.GetDirectoryName(proposals.Directory)!;
        return await new BriefService(store, clock, riskModel)
        {
            Recommendations = RecommendedActions.From(proposals, briefDirectory),
            CorrelatedStress = proposals.Correlated,
            AccountFlows = flows,
        }.CreateAsync(briefOptions with { AsOf = asOf }, cancellationToken);
    }
}
