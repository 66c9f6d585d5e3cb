namespace Forecaster.EarlyWarning.Calibration;

/// <summary>Where a backtest's Brier skill is lost: the decompositions of the model and the threshold rule, pooled and per market.</summary>
/// <param name="Model">The model's decomposition over every market's scored hours.</param>
/// <param name="ThresholdRule">The threshold rule's (its binned training frequency is its probability).</param>
/// <param name="Markets">Each market's own.</param>
public sealed record BacktestCalibration(BrierDecomposition Model, BrierDecomposition ThresholdRule, IReadOnlyList<MarketCalibration> Markets)
{
    /// <summary>Decomposes the model's and the rule's scores, which must list the same markets in the same order.</summary>
    /// <exception cref="ArgumentException">The two lists name different markets.</exception>
    public static BacktestCalibration Of(IReadOnlyList<ScoredMarket> model, IReadOnlyList<ScoredMarket> rule)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rule);
        if (!model.Select(m => m.Name).SequenceEqual(rule.Select(m => m.Name)))
            throw new ArgumentException("The model's and the rule's scores must name the same markets in the same order.", nameof(rule));
        var markets = model.Zip(rule, (m, r) => new MarketCalibration(m.Name, BrierDecomposer.Decompose([m]), BrierDecomposer.Decompose([r]))).ToArray();
        return new BacktestCalibration(BrierDecomposer.Decompose(model), BrierDecomposer.Decompose(rule), markets);
    }
}

/// <summary>One market's decompositions.</summary>
/// <param name="Name">Market name.</param>
/// <param name="Model">The model's.</param>
/// <param name="ThresholdRule">The threshold rule's.</param>
public sealed record MarketCalibration(string Name, BrierDecomposition Model, BrierDecomposition ThresholdRule);
