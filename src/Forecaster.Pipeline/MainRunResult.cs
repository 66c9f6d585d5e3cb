namespace Forecaster.Pipeline;

/// <summary>What the main job did.</summary>
/// <param name="Brief">The brief it wrote.</param>
/// <param name="Simulated">True when the store was empty and was filled from the simulator.</param>
public sealed record MainRunResult(BriefResult Brief, bool Simulated);
