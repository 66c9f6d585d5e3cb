using Forecaster.Modeling.Evaluation.Nab.Detectors;

namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>The detectors <c>forecaster evaluate nab --detector</c> can run, by name.</summary>
public static class NabDetectors
{
    private static readonly Dictionary<string, Func<INabDetector>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["relative-entropy"] = () => new RelativeEntropyNabDetector(),
        ["kde-ensemble"] = () => new KdeEnsembleNabDetector(),
        ["sr"] = () => new SrNabDetector(),
        ["spike"] = () => new SpikeNabDetector(),
        ["changepoint"] = () => new ChangePointNabDetector(),
    };

    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names => Factories.Keys.ToList();

    /// <summary>Creates the detector called <paramref name="name"/>.</summary>
    /// <param name="name">Detector name (case-insensitive).</param>
    /// <exception cref="ForecasterException">Unknown name; the message lists the known ones.</exception>
    public static INabDetector Create(string name) =>
        Factories.TryGetValue(name, out var factory)
            ? factory()
            : throw new ForecasterException($"--detector: '{name}' is not a detector; use one of {string.Join(", ", Factories.Keys)}.");
}
