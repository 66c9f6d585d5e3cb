namespace Forecaster.Benchmarks;

/// <summary>
/// An end-to-end benchmark: one realistic job run once, measured as a whole (wall time, items per second, peak memory).
/// BenchmarkDotNet suits micro-benchmarks; these are the figures the issues name.
/// </summary>
public interface IWorkload
{
    /// <summary>Name used on the command line.</summary>
    string Name { get; }

    /// <summary>What it measures, one line.</summary>
    string Description { get; }

    /// <summary>Prepares inputs (not measured).</summary>
    Task SetupAsync() => Task.CompletedTask;

    /// <summary>Runs the measured work; returns how many items it processed and their unit (e.g. "rows").</summary>
    Task<(long Items, string Unit)> RunAsync();
}
