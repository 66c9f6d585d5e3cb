namespace Forecaster.EarlyWarning;

/// <summary>
/// Computes the measures (episodes, detection, lead, alert share, precision within 24 h, AUC-PR, Brier skill)
/// from labelled series and a model's out-of-sample output.
/// </summary>
public static class WarningEvaluator
{
    /// <summary>Evaluates every market and pools them.</summary>
    /// <exception cref="ArgumentException">A market's arrays differ in length from its labels.</exception>
    public static WarningReport Evaluate(IReadOnlyList<ScoredMarket> markets, ShortfallDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(definition);
        var pooled = new Tally();
        var reports = new List<MarketWarningReport>();
        foreach (var market in markets)
        {
            var tally = new Tally();
            var outcomes = Add(market, definition, tally);
            pooled.Merge(tally);
            reports.Add(new MarketWarningReport(market.Name, outcomes, tally.Summary()));
        }
        return new WarningReport(pooled.Summary(), reports);
    }

    /// <summary>
    /// True when an hour counts for AUC-PR and Brier skill: evaluated, alertable, its target known and its probability
    /// defined.
    /// </summary>
    public static bool IsScored(ScoredMarket market, int hour)
    {
        ArgumentNullException.ThrowIfNull(market);
        return market.Evaluated[hour] && market.Labels.IsAlertable(hour) && market.Labels.Target[hour] != ShortfallLabels.None && !double.IsNaN(market.Probability[hour]);
    }

    private static List<EpisodeOutcome> Add(ScoredMarket market, ShortfallDefinition definition, Tally tally)
    {
        var labels = market.Labels;
        var n = labels.Times.Length;
        if (market.Evaluated.Length != n || market.Probability.Length != n || market.Alert.Length != n || market.BaseRate.Length != n)
            throw new ArgumentException($"Market '{market.Name}': every array must have one value per hour ({n}).", nameof(market));

        var outcomes = new List<EpisodeOutcome>();
        foreach (var episode in EpisodeFinder.Find(labels.Times, labels.Shortfall, definition.EpisodeMergeGap))
        {
            if (!market.Evaluated[episode.StartIndex]) continue;
            var earliest = episode.Start - definition.DetectionWindow;
            var latest = episode.Start - TimeSpan.FromHours(1);
            int? lead = null;
            for (var i = episode.StartIndex - 1; i >= 0 && labels.Times[i] >= earliest; i--)
            {
                if (labels.Times[i] <= latest && market.Alert[i] && market.Evaluated[i] && labels.IsAlertable(i))
                    lead = (int)Math.Round((episode.Start - labels.Times[i]).TotalHours);
            }
            outcomes.Add(new EpisodeOutcome(episode.Start, lead.HasValue, lead));
        }
        tally.Outcomes.AddRange(outcomes);

        var followed = ShortfallLabels.Targets(labels.Times, labels.Eligible, labels.Shortfall, definition.PrecisionWindow);
        for (var i = 0; i < n; i++)
        {
            if (!market.Evaluated[i] || !labels.IsAlertable(i)) continue;
            tally.AlertableHours++;
            if (market.Alert[i])
            {
                tally.AlertHours++;
                if (followed[i] != ShortfallLabels.None)
                {
                    tally.AlertHoursKnown++;
                    if (followed[i] == 1) tally.AlertHoursFollowed++;
                }
            }
            if (!IsScored(market, i)) continue;
            tally.Probabilities.Add(market.Probability[i]);
            tally.Outcomes01.Add(labels.Target[i] == 1);
            tally.BaseRates.Add(market.BaseRate[i]);
        }
        return outcomes;
    }

    private sealed class Tally
    {
        public List<EpisodeOutcome> Outcomes { get; } = [];
        public List<double> Probabilities { get; } = [];
        public List<bool> Outcomes01 { get; } = [];
        public List<double> BaseRates { get; } = [];
        public long AlertableHours { get; set; }
        public long AlertHours { get; set; }
        public long AlertHoursKnown { get; set; }
        public long AlertHoursFollowed { get; set; }

        public void Merge(Tally other)
        {
            Outcomes.AddRange(other.Outcomes);
            Probabilities.AddRange(other.Probabilities);
            Outcomes01.AddRange(other.Outcomes01);
            BaseRates.AddRange(other.BaseRates);
            AlertableHours += other.AlertableHours;
            AlertHours += other.AlertHours;
            AlertHoursKnown += other.AlertHoursKnown;
            AlertHoursFollowed += other.AlertHoursFollowed;
        }

        public WarningSummary Summary()
        {
            var episodes = Outcomes.Count;
            var detected = Outcomes.Count(o => o.Detected);
            var leads = Outcomes.Where(o => o.LeadHours.HasValue).Select(o => (double)o.LeadHours!.Value).ToList();
            var brier = PrecisionRecall.Brier(Probabilities, Outcomes01);
            var reference = PrecisionRecall.Brier(BaseRates, Outcomes01);
            return new WarningSummary(
                episodes,
                detected,
                episodes > 0 ? (double)detected / episodes : double.NaN,
                Median(leads),
                AlertableHours > 0 ? (double)AlertHours / AlertableHours : double.NaN,
                AlertHoursKnown > 0 ? (double)AlertHoursFollowed / AlertHoursKnown : double.NaN,
                PrecisionRecall.AveragePrecision(Probabilities, Outcomes01),
                reference > 0 ? 1 - brier / reference : double.NaN);
        }

        private static double Median(List<double> values)
        {
            if (values.Count == 0) return double.NaN;
            values.Sort();
            var m = values.Count / 2;
            return values.Count % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
        }
    }
}
