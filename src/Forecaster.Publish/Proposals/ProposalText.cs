using Forecaster.Recommend;

namespace Forecaster.Publish.Proposals;

/// <summary>How a parameter change reads in one line, the same in the brief and in the proposal's table.</summary>
public static class ProposalText
{
    /// <summary>E.g. "borrowCap: $120.0M → $95.0M".</summary>
    public static string Describe(ParameterChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{change.Parameter}: {ProposalMarkdownWriter.Value(change.Parameter, change.Current)} → {ProposalMarkdownWriter.Value(change.Parameter, change.Recommended)}";
    }
}
