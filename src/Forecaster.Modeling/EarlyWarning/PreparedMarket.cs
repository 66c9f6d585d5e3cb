using Forecaster.EarlyWarning;
using Forecaster.Modeling.Features;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>A market's features, labels and 24 h liquidity outcomes, computed once for every fold.</summary>
internal sealed class PreparedMarket
{
    public PreparedMarket(MarketHistory history, FeatureMatrix features, ShortfallDefinition definition)
    {
        History = history;
        _mergeGap = definition.EpisodeMergeGap;
        Labels = ShortfallLabels.Compute(history.Hours, definition);
        Rows = new float[features.Rows][];
        for (var i = 0; i < features.Rows; i++) Rows[i] = features.Row(i).ToArray();
        var n = history.Hours.Count;
        Later24h = new int[n];
        for (var i = 0; i < n; i++)
        {
            // The hour exactly 24 h later, when it exists (gaps make positions unreliable).
            var j = i + 24;
            Later24h[i] = j < n && history.Hours[j].Hour == history.Hours[i].Hour.AddHours(24) ? j : -1;
        }
    }

    private readonly Dictionary<TimeSpan, sbyte[]> _targetsByHorizon = [];
    private readonly Dictionary<TimeSpan, sbyte[]> _onsetsByWindow = [];
    private readonly TimeSpan _mergeGap;

    public MarketHistory History { get; }
    public ShortfallLabels Labels { get; }
    public float[][] Rows { get; }
    public int[] Later24h { get; }
    public DateTimeOffset Start => History.Hours.Count > 0 ? History.Hours[0].Hour : DateTimeOffset.MaxValue;
    public DateTimeOffset End => History.Hours.Count > 0 ? History.Hours[^1].Hour : DateTimeOffset.MinValue;

    /// <summary>Targets at another horizon than the definition's (a ranking model's label), computed once per horizon.</summary>
    public sbyte[] TargetsAt(TimeSpan horizon)
    {
        if (!_targetsByHorizon.TryGetValue(horizon, out var targets))
            _targetsByHorizon[horizon] = targets = ShortfallLabels.Targets(Labels.Times, Labels.Eligible, Labels.Shortfall, horizon);
        return targets;
    }

    /// <summary>Onset labels for a window (an onset ranker's label, <see cref="ShortfallLabels.Onsets"/>), computed once per window.</summary>
    public sbyte[] OnsetsAt(TimeSpan window)
    {
        if (!_onsetsByWindow.TryGetValue(window, out var onsets))
            _onsetsByWindow[window] = onsets = ShortfallLabels.Onsets(Labels.Times, Labels.Eligible, Labels.Shortfall, window, _mergeGap);
        return onsets;
    }

    public double Liquidity(int i) => History.Hours[i].AvailableLiquidityUsd;
    public double Deposits(int i) => History.Hours[i].SuppliedUsd;

    /// <summary>Change of liquidity over 24 h as a share of deposits; NaN when unknown.</summary>
    public float Change24h(int i) =>
        Later24h[i] < 0 || Deposits(i) <= 0 ? float.NaN : (float)((Liquidity(Later24h[i]) - Liquidity(i)) / Deposits(i));

    public static IReadOnlyList<PreparedMarket> Prepare(IReadOnlyList<MarketHistory> markets, ShortfallDefinition definition)
    {
        var features = ShortfallFeatureBuilder.Build(markets, definition.ShortfallUtilization, (int)definition.Horizon.TotalHours);
        return markets.Select((m, k) => new PreparedMarket(m, features[k], definition)).ToArray();
    }
}
