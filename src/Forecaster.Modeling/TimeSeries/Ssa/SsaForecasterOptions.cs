namespace Forecaster.Modeling.TimeSeries.Ssa;

/// <summary>
/// Options of SSA forecasting, the same set ML.NET's <c>ForecastBySsa</c> takes.
/// Characteristics: input one numeric series; output forecast, lower and upper bound per horizon step;
/// persisted as lag-covariance, rank and observation buffer (see <see cref="SsaForecastEngine"/>).
/// </summary>
public sealed class SsaForecasterOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Forecasting:Ssa";

    /// <summary>The defaults, shared with the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Default embedding window (L).</summary>
        public const int WindowSize = 24;
        /// <summary>Default length of the observation buffer.</summary>
        public const int SeriesLength = 240;
        /// <summary>Default number of leading points used for training.</summary>
        public const int TrainSize = 480;
        /// <summary>Default forecast horizon in steps.</summary>
        public const int Horizon = 24;
        /// <summary>Default confidence of the interval.</summary>
        public const double ConfidenceLevel = 0.95;
        /// <summary>Default discount factor of adaptive updating (1 = no forgetting).</summary>
        public const double DiscountFactor = 1.0;
    }

    /// <summary>Embedding window L, in points; at least 2 and at most half of <see cref="TrainSize"/>.</summary>
    public int WindowSize { get; set; } = Defaults.WindowSize;

    /// <summary>Points kept in the engine's buffer; greater than <see cref="WindowSize"/>.</summary>
    public int SeriesLength { get; set; } = Defaults.SeriesLength;

    /// <summary>Number of leading points used to fit; at least 2 × <see cref="WindowSize"/>.</summary>
    public int TrainSize { get; set; } = Defaults.TrainSize;

    /// <summary>Steps forecast ahead; at least 1.</summary>
    public int Horizon { get; set; } = Defaults.Horizon;

    /// <summary>Nominal coverage of [lower, upper], in (0, 1).</summary>
    public double ConfidenceLevel { get; set; } = Defaults.ConfidenceLevel;

    /// <summary>Signal rank; null chooses it from the eigenvalue spectrum. When set, in [1, WindowSize - 1].</summary>
    public int? Rank { get; set; }

    /// <summary>Largest rank the automatic choice may take; null means WindowSize / 2.</summary>
    public int? MaxRank { get; set; }

    /// <summary>Whether each new observation updates the model (discounted lag covariance).</summary>
    public bool IsAdaptive { get; set; }

    /// <summary>Weight kept by past observations at each adaptive update, in (0, 1].</summary>
    public double DiscountFactor { get; set; } = Defaults.DiscountFactor;

    /// <summary>Whether roots of the recurrence outside the unit circle are pulled onto it, so forecasts cannot explode.</summary>
    public bool ShouldStabilize { get; set; } = true;

    /// <summary>Checks every option against its range (and the ranges derived from the others).</summary>
    /// <exception cref="ModelOptionException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        ModelOptionException.ThrowIfOutside(WindowSize, 2, 10_000, nameof(WindowSize), "--window-size");
        ModelOptionException.ThrowIfOutside(TrainSize, 2.0 * WindowSize, int.MaxValue, nameof(TrainSize), "--train-size", $"[2*WindowSize = {2 * WindowSize}, {int.MaxValue}]");
        ModelOptionException.ThrowIfOutside(SeriesLength, WindowSize + 1, int.MaxValue, nameof(SeriesLength), "--series-length", $"[WindowSize+1 = {WindowSize + 1}, {int.MaxValue}]");
        ModelOptionException.ThrowIfOutside(Horizon, 1, 100_000, nameof(Horizon), "--horizon");
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            throw new ModelOptionException(nameof(ConfidenceLevel), "--confidence", "(0, 1)", ConfidenceLevel);
        if (!(DiscountFactor > 0 && DiscountFactor <= 1))
            throw new ModelOptionException(nameof(DiscountFactor), "--discount-factor", "(0, 1]", DiscountFactor);
        if (Rank is { } rank)
            ModelOptionException.ThrowIfOutside(rank, 1, WindowSize - 1, nameof(Rank), "--rank", $"[1, WindowSize-1 = {WindowSize - 1}]");
        if (MaxRank is { } maxRank)
            ModelOptionException.ThrowIfOutside(maxRank, 1, WindowSize - 1, nameof(MaxRank), "--max-rank", $"[1, WindowSize-1 = {WindowSize - 1}]");
    }
}
