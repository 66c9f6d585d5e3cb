using Forecaster.Markets;
using Forecaster.Risk;
using Forecaster.Risk.Liquidity;

namespace Forecaster.Publish.Brief;

/// <summary>One market's part of the brief: its assessment, or why there is none.</summary>
/// <param name="Market">The market.</param>
/// <param name="Assessment">The assessment, or null when the market could not be assessed.</param>
/// <param name="Problem">Why there is no assessment (e.g. too little history), or null.</param>
/// <param name="ChartFile">File name of the market's utilization chart beside the brief, or null.</param>
public sealed record MarketBriefEntry(Market Market, MarketRiskAssessment? Assessment, string? Problem, string? ChartFile)
{
    /// <summary>The market's charts in reading order (fan, utilization, probability, flows, stress); empty when none were drawn.</summary>
    public IReadOnlyList<BriefChart> Charts { get; init; } = [];

    /// <summary>Notes on what the charts could not show (e.g. no anomaly detector yet), one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Who holds the market's deposits at the as-of hour, from its account-level flows; null when none are known (the brief
    /// then says nothing about holders rather than showing zeros).
    /// </summary>
    public DepositorConcentration? Holders { get; init; }
}
