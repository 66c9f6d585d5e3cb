namespace Forecaster.EarlyWarning;

/// <summary>
/// One side (model or rule) of a paired bootstrap, arranged once so that a resample is a vector of integer block weights
/// (how often each block was drawn) and no hour is copied or re-sorted: episodes and hours carry their block, hours are
/// kept in descending score order with their tie groups, leads in ascending order, and squared errors summed per block.
/// </summary>
internal sealed class BootstrapSide
{
    private readonly int[] _episodesPerBlock;
    private readonly int[] _detectedPerBlock;
    private readonly double[] _leads;
    private readonly int[] _leadBlocks;
    private readonly int[] _hourBlocks;
    private readonly bool[] _hourPositive;
    private readonly int[] _groupEnds;
    private readonly int[] _positivesPerBlock;
    private readonly double[] _squaredErrorPerBlock;
    private readonly double[] _referenceErrorPerBlock;

    private BootstrapSide(int blocks, List<(double Lead, int Block)> leads, List<(double Score, int Block, bool Positive)> hours)
    {
        _episodesPerBlock = new int[blocks];
        _detectedPerBlock = new int[blocks];
        _positivesPerBlock = new int[blocks];
        _squaredErrorPerBlock = new double[blocks];
        _referenceErrorPerBlock = new double[blocks];
        leads.Sort((a, b) => a.Lead.CompareTo(b.Lead));
        _leads = leads.Select(l => l.Lead).ToArray();
        _leadBlocks = leads.Select(l => l.Block).ToArray();
        hours.Sort((a, b) => b.Score.CompareTo(a.Score));
        _hourBlocks = hours.Select(h => h.Block).ToArray();
        _hourPositive = hours.Select(h => h.Positive).ToArray();
        var ends = new List<int>();
        for (var k = 1; k <= hours.Count; k++)
            if (k == hours.Count || !hours[k].Score.Equals(hours[k - 1].Score)) ends.Add(k);
        _groupEnds = ends.ToArray();
        foreach (var h in hours) if (h.Positive) _positivesPerBlock[h.Block]++;
    }

    /// <summary>Arranges one side: its markets' scored hours and its evaluation's episodes.</summary>
    public static BootstrapSide Build(IReadOnlyList<ScoredMarket> markets, WarningReport report, BootstrapBlocks blocks)
    {
        var leads = new List<(double, int)>();
        var hours = new List<(double, int, bool)>();
        var episodes = new List<(int Block, bool Detected)>();
        var errors = new List<(int Block, double Squared, double Reference)>();
        for (var m = 0; m < markets.Count; m++)
        {
            foreach (var e in report.Markets[m].Episodes)
            {
                var block = blocks.Of(m, e.Start);
                episodes.Add((block, e.Detected));
                if (e.LeadHours is { } lead) leads.Add((lead, block));
            }
            var market = markets[m];
            for (var i = 0; i < market.Labels.Times.Length; i++)
            {
                if (!WarningEvaluator.IsScored(market, i)) continue;
                var block = blocks.Of(m, market.Labels.Times[i]);
                var outcome = market.Labels.Target[i] == 1 ? 1.0 : 0.0;
                hours.Add((market.Probability[i], block, outcome == 1));
                errors.Add((block, Square(market.Probability[i] - outcome), Square(market.BaseRate[i] - outcome)));
            }
        }
        var side = new BootstrapSide(blocks.Count, leads, hours);
        foreach (var (block, detected) in episodes)
        {
            side._episodesPerBlock[block]++;
            if (detected) side._detectedPerBlock[block]++;
        }
        foreach (var (block, squared, reference) in errors)
        {
            side._squaredErrorPerBlock[block] += squared;
            side._referenceErrorPerBlock[block] += reference;
        }
        return side;
    }

    /// <summary>Writes the four measures of the resample with these block weights into slot <paramref name="r"/>.</summary>
    public void Measure(int[] weights, MeasureDraws draws, int r)
    {
        draws.Recall[r] = Recall(weights);
        draws.MedianLeadHours[r] = MedianLead(weights);
        draws.AucPr[r] = AveragePrecision(weights);
        draws.BrierSkill[r] = BrierSkill(weights);
    }

    private double Recall(int[] weights)
    {
        long episodes = 0, detected = 0;
        for (var b = 0; b < weights.Length; b++)
        {
            episodes += (long)weights[b] * _episodesPerBlock[b];
            detected += (long)weights[b] * _detectedPerBlock[b];
        }
        return episodes > 0 ? (double)detected / episodes : double.NaN;
    }

    // The median of the multiset in which each detected episode's lead appears as often as its block was drawn.
    private double MedianLead(int[] weights)
    {
        long total = 0;
        foreach (var b in _leadBlocks) total += weights[b];
        if (total == 0) return double.NaN;
        long low = (total - 1) / 2, high = total / 2, seen = 0;
        var lower = double.NaN;
        for (var k = 0; k < _leads.Length; k++)
        {
            seen += weights[_leadBlocks[k]];
            if (double.IsNaN(lower) && seen > low) lower = _leads[k];
            if (seen > high) return (lower + _leads[k]) / 2;
        }
        return lower;
    }

    // Average precision as PrecisionRecall.AveragePrecision computes it, each hour counted as often as its block was drawn.
    private double AveragePrecision(int[] weights)
    {
        long positives = 0;
        for (var b = 0; b < weights.Length; b++) positives += (long)weights[b] * _positivesPerBlock[b];
        if (positives == 0) return double.NaN;
        double area = 0;
        long truePositives = 0, seen = 0;
        var k = 0;
        foreach (var end in _groupEnds)
        {
            long gained = 0;
            for (; k < end; k++)
            {
                var w = weights[_hourBlocks[k]];
                seen += w;
                if (_hourPositive[k]) gained += w;
            }
            truePositives += gained;
            if (gained > 0) area += (double)gained / positives * truePositives / seen;
        }
        return area;
    }

    private double BrierSkill(int[] weights)
    {
        double squared = 0, reference = 0;
        for (var b = 0; b < weights.Length; b++)
        {
            squared += weights[b] * _squaredErrorPerBlock[b];
            reference += weights[b] * _referenceErrorPerBlock[b];
        }
        return reference > 0 ? 1 - squared / reference : double.NaN;
    }

    private static double Square(double x) => x * x;
}
