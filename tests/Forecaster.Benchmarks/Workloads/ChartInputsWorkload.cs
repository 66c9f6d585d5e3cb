namespace Forecaster.Benchmarks.Workloads;

/// <summary>Computes the brief's chart inputs for 100 simulated markets: the part of the brief before drawing.</summary>
public sealed class ChartInputsWorkload : IWorkload
{
    private IReadOnlyList<Forecaster.Simulation.SimulatedMarket>? _markets;

    /// <inheritdoc />
    public string Name => "chart-inputs";

    /// <inheritdoc />
    public string Description => "compute chart inputs (30 daily baseline re-assessments, fan, flows, stress, heat map) for 100 markets";

    /// <inheritdoc />
    public Task SetupAsync()
    {
        _markets = ChartInputs100.Simulate();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<(long Items, string Unit)> RunAsync()
    {
        var inputs = ChartInputs100.Build(_markets!);
        return Task.FromResult(((long)inputs.PerMarket.Count, "markets"));
    }
}
