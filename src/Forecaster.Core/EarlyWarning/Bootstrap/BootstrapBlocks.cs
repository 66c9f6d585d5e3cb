namespace Forecaster.EarlyWarning;

/// <summary>
/// Numbers the blocks of a bootstrap: one market's (or, spanning markets, every market's) hours within one window of the
/// block length, windows counted from the
/// first evaluated hour of any market (in a walk-forward, the first fold's start, so windows are folds).
/// </summary>
internal sealed class BootstrapBlocks
{
    private readonly Dictionary<(int Market, long Window), int> _ids;
    private readonly DateTimeOffset _origin;
    private readonly long _lengthTicks;
    private readonly bool _spansMarkets;

    private BootstrapBlocks(Dictionary<(int, long), int> ids, DateTimeOffset origin, long lengthTicks, bool spansMarkets)
    {
        _ids = ids;
        _origin = origin;
        _lengthTicks = lengthTicks;
        _spansMarkets = spansMarkets;
    }

    /// <summary>Number of blocks.</summary>
    public int Count => _ids.Count;

    /// <summary>Blocks of every evaluated hour of either side (both sides must label the same hours).</summary>
    public static BootstrapBlocks Build(IReadOnlyList<ScoredMarket> model, IReadOnlyList<ScoredMarket> rule, TimeSpan length, bool spansMarkets)
    {
        if (model.Count != rule.Count) throw new ArgumentException($"The model has {model.Count} market(s), the rule {rule.Count}; both must score the same markets.", nameof(rule));
        for (var m = 0; m < model.Count; m++)
        {
            if (model[m].Name != rule[m].Name || !model[m].Labels.Times.AsSpan().SequenceEqual(rule[m].Labels.Times))
                throw new ArgumentException($"Market {m}: the model scores '{model[m].Name}' and the rule '{rule[m].Name}' on other hours; both must score the same hours.", nameof(rule));
        }
        var origin = DateTimeOffset.MaxValue;
        foreach (var side in new[] { model, rule })
            foreach (var market in side)
                for (var i = 0; i < market.Evaluated.Length; i++)
                    if (market.Evaluated[i]) { if (market.Labels.Times[i] < origin) origin = market.Labels.Times[i]; break; }
        var blocks = new BootstrapBlocks([], origin, length.Ticks, spansMarkets);
        for (var m = 0; m < model.Count; m++)
        {
            var times = model[m].Labels.Times;
            for (var i = 0; i < times.Length; i++)
                if (model[m].Evaluated[i] || rule[m].Evaluated[i]) blocks._ids.TryAdd(blocks.Key(m, times[i]), blocks._ids.Count);
        }
        return blocks;
    }

    /// <summary>The block of a market's evaluated hour.</summary>
    public int Of(int market, DateTimeOffset time) => _ids[Key(market, time)];

    private (int, long) Key(int market, DateTimeOffset time) => (_spansMarkets ? -1 : market, (time - _origin).Ticks / _lengthTicks);
}
