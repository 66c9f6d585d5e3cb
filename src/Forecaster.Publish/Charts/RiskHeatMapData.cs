namespace Forecaster.Publish.Charts;

/// <summary>Inputs of the cross-market heat map: markets by day, coloured by shortfall probability.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="Markets">Market names, one row each, top row first.</param>
/// <param name="Days">Days (UTC midnights), one column each, oldest first.</param>
/// <param name="Probability">[market, day] shortfall probability in [0, 1]; NaN where the market was not assessed that day.</param>
/// <param name="Method">Which model produced the probabilities, printed under the chart.</param>
public sealed record RiskHeatMapData(string Title, IReadOnlyList<string> Markets, IReadOnlyList<DateTimeOffset> Days, double[,] Probability, string Method)
{
    /// <summary>Checks the matrix matches the labels.</summary>
    /// <exception cref="ArgumentException">Empty, or the matrix is not markets × days.</exception>
    public void Validate()
    {
        if (Markets.Count == 0 || Days.Count == 0)
            throw new ArgumentException("A heat map needs at least one market and one day.", nameof(Probability));
        if (Probability.GetLength(0) != Markets.Count || Probability.GetLength(1) != Days.Count)
            throw new ArgumentException($"Probability is {Probability.GetLength(0)}×{Probability.GetLength(1)} but there are {Markets.Count} markets and {Days.Count} days.", nameof(Probability));
    }
}
