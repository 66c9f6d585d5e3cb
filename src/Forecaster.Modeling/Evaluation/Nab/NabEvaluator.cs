namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>Runs a detector over the NAB corpus and scores it under each profile.</summary>
public static class NabEvaluator
{
    /// <summary>Runs <paramref name="detector"/> on every series (in parallel) and scores the results.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="corpus">The series, from <see cref="NabCorpus.Load"/>.</param>
    /// <param name="profiles">Profiles; null means NAB's three.</param>
    /// <param name="cancellationToken">Stops between series.</param>
    public static NabEvaluation Evaluate(INabDetector detector, IReadOnlyList<NabDataSet> corpus, IReadOnlyList<NabProfile>? profiles = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(corpus);
        var scores = new double[corpus.Count][];
        Parallel.For(0, corpus.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => scores[i] = detector.Detect(corpus[i]));
        var results = corpus.Select((d, i) => (d, scores[i])).ToList();
        var byProfile = (profiles ?? NabProfile.All).Select(p => NabScorer.Score(results, p)).ToList();
        return new NabEvaluation(detector.Name, byProfile, corpus.Count);
    }
}
