namespace Forecaster.EarlyWarning;

/// <summary>The model's and the rule's measures in each resample; resample r of both sides used the same blocks.</summary>
/// <param name="Blocks">Blocks with at least one evaluated hour.</param>
/// <param name="Model">The model's measures.</param>
/// <param name="Rule">The threshold rule's measures.</param>
public sealed record BootstrapDraws(int Blocks, MeasureDraws Model, MeasureDraws Rule);
