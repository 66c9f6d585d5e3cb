using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>The buffer Forecaster would have recommended for a market at one sampled hour, from data up to then only.</summary>
/// <param name="Market">The market.</param>
/// <param name="At">The sampled hour (midnight UTC).</param>
/// <param name="DepositsUsd">Deposits then, USD.</param>
/// <param name="RecommendedBufferUsd">The target buffer, USD.</param>
public sealed record BufferSample(string Market, DateTimeOffset At, double DepositsUsd, double RecommendedBufferUsd)
{
    /// <summary>The buffer as a share of deposits.</summary>
    public double ShareOfDeposits => RecommendedBufferUsd / DepositsUsd;

    /// <summary>How the buffer was built (which term bound, at what utilization), to see where the time average comes from.</summary>
    public ReserveTarget? Target { get; init; }

    /// <summary>Utilization then.</summary>
    public double Utilization { get; init; } = double.NaN;
}
