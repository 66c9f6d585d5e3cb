using Forecaster.Modeling.Evaluation.Nab;
using Forecaster.Modeling.Evaluation.Nab.Detectors;
using Forecaster.Testing;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>The relative-entropy NAB detector over the 58 NAB series one after another, on one thread (loading not measured).</summary>
public sealed class NabRelativeEntropyWorkload : IWorkload
{
    private IReadOnlyList<NabDataSet> _corpus = [];

    /// <inheritdoc />
    public string Name => "nab-relative-entropy";

    /// <inheritdoc />
    public string Description => "Relative-entropy detector over the 58 NAB series (../shared/data/nab)";

    /// <inheritdoc />
    public Task SetupAsync()
    {
        _corpus = NabCorpus.Load(Path.Combine(SharedData.Root, "nab"));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<(long Items, string Unit)> RunAsync()
    {
        var detector = new RelativeEntropyNabDetector();
        long points = 0, alerts = 0;
        foreach (var series in _corpus)
        {
            alerts += detector.Detect(series).Count(s => s > 0);
            points += series.Values.Length;
        }
        Console.WriteLine($"  {alerts} alerts");
        return Task.FromResult((points, "points"));
    }
}
