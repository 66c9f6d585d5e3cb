using Forecaster.Flows;
using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>Options of <see cref="ProposalService"/>.</summary>
public sealed record ProposalOptions
{
    /// <summary>Folder under which proposals go to <c>&lt;date&gt;/proposals/</c>.</summary>
    public string OutputDirectory { get; init; } = BriefOptions.Defaults.OutputDirectory;

    /// <summary>As-of hour (UTC); null means the latest hour in the store.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Risk appetite profile.</summary>
    public RiskAppetite Appetite { get; init; } = RiskAppetite.Moderate;

    /// <summary>Treasury reserves that may be added across markets, USD; 0 proposes no top-ups.</summary>
    public double TreasuryBudgetUsd { get; init; }

    /// <summary>
    /// Account-level flows, or null: a market they have gets its depositor concentration in the proposal's Motivation and
    /// JSON. It informs; the buffer stays the service's rule.
    /// </summary>
    public AccountFlows? AccountFlows { get; init; }
}
