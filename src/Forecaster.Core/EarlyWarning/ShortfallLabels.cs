using Forecaster.Markets;

namespace Forecaster.EarlyWarning;

/// <summary>
/// Per-hour eligibility, shortfall and target of one market's series, computed from the hours alone.
/// The target at t uses hours in (t, t+H] only; eligibility and shortfall at t use hour t only.
/// </summary>
public sealed class ShortfallLabels
{
    /// <summary>Target value of an hour that has no target: ineligible, itself in shortfall, or its window runs past the data.</summary>
    public const sbyte None = -1;

    /// <summary>
    /// Onset label of an hour in an episode's tail (less than the merge gap after a shortfall hour): a shortfall that
    /// follows would belong to the episode already under way, so the hour says nothing about how episodes start.
    /// </summary>
    public const sbyte InEpisode = -2;

    private ShortfallLabels(DateTimeOffset[] times, bool[] eligible, bool[] shortfall, sbyte[] target)
    {
        Times = times;
        Eligible = eligible;
        Shortfall = shortfall;
        Target = target;
    }

    /// <summary>Start of each hour, UTC, ascending.</summary>
    public DateTimeOffset[] Times { get; }

    /// <summary>True when deposits are at or above the eligibility floor.</summary>
    public bool[] Eligible { get; }

    /// <summary>True for eligible hours with utilization at or above U.</summary>
    public bool[] Shortfall { get; }

    /// <summary>1 or 0 for eligible hours not in shortfall whose window (t, t+H] is known; <see cref="None"/> otherwise.</summary>
    public sbyte[] Target { get; }

    /// <summary>True for an eligible hour not in shortfall: the hours alerts and alert budgets are counted on.</summary>
    public bool IsAlertable(int i) => Eligible[i] && !Shortfall[i];

    /// <summary>Labels a market's hours.</summary>
    /// <param name="hours">Hours in strictly ascending time order; gaps are allowed (targets use times, not positions).</param>
    /// <param name="definition">The definitions to apply.</param>
    /// <exception cref="ArgumentException">The hours are not in strictly ascending order.</exception>
    public static ShortfallLabels Compute(IReadOnlyList<MarketHour> hours, ShortfallDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(definition);
        var n = hours.Count;
        var times = new DateTimeOffset[n];
        var eligible = new bool[n];
        var shortfall = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var h = hours[i];
            times[i] = h.Hour;
            if (i > 0 && times[i] <= times[i - 1])
                throw new ArgumentException($"Hours must be in strictly ascending order; hour {i} ({times[i]:u}) is not after {times[i - 1]:u}.", nameof(hours));
            eligible[i] = h.SuppliedUsd >= definition.MinimumDepositsUsd;
            shortfall[i] = eligible[i] && h.Utilization >= definition.ShortfallUtilization;
        }
        return new ShortfallLabels(times, eligible, shortfall, Targets(times, eligible, shortfall, definition.Horizon));
    }

    /// <summary>Targets from precomputed flags: 1 when a shortfall hour lies in (t, t+horizon].</summary>
    public static sbyte[] Targets(DateTimeOffset[] times, bool[] eligible, bool[] shortfall, TimeSpan horizon)
    {
        var n = times.Length;
        var target = new sbyte[n];
        var last = n > 0 ? times[n - 1] : default;
        // Walk backwards carrying the time of the next shortfall hour strictly after i.
        DateTimeOffset? next = null;
        for (var i = n - 1; i >= 0; i--)
        {
            if (!eligible[i] || shortfall[i]) target[i] = None;
            else if (next is { } s && s <= times[i] + horizon) target[i] = 1;
            else target[i] = last >= times[i] + horizon ? (sbyte)0 : None; // unknown when the window runs past the data
            if (shortfall[i]) next = times[i];
        }
        return target;
    }

    /// <summary>
    /// Onset labels: 1 when an episode starts in (t, t+window], 0 when none does; <see cref="None"/> for ineligible
    /// hours, hours in shortfall and hours whose window runs past the data; <see cref="InEpisode"/> for hours less than
    /// <paramref name="mergeGap"/> after a shortfall hour. Whether an hour starts an episode depends only on the hours
    /// before it, so a label whose window has closed never changes when later hours arrive.
    /// </summary>
    /// <param name="times">Hour starts, ascending.</param>
    /// <param name="eligible">Eligibility per hour.</param>
    /// <param name="shortfall">Shortfall flag per hour.</param>
    /// <param name="window">How far ahead an onset counts, positive.</param>
    /// <param name="mergeGap">Gap below which shortfall hours merge into one episode, positive.</param>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static sbyte[] Onsets(DateTimeOffset[] times, bool[] eligible, bool[] shortfall, TimeSpan window, TimeSpan mergeGap)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(shortfall);
        if (eligible.Length != times.Length) throw new ArgumentException("times and eligible must have the same length.", nameof(eligible));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var n = times.Length;
        var starts = new bool[n];
        foreach (var episode in EpisodeFinder.Find(times, shortfall, mergeGap)) starts[episode.StartIndex] = true;
        // Forward: is the hour within the merge gap of the latest shortfall hour before it?
        var inTail = new bool[n];
        DateTimeOffset? previous = null;
        for (var i = 0; i < n; i++)
        {
            inTail[i] = previous is { } p && times[i] - p < mergeGap;
            if (shortfall[i]) previous = times[i];
        }
        // Backward, carrying the start of the next episode strictly after i.
        var onset = new sbyte[n];
        var last = n > 0 ? times[n - 1] : default;
        DateTimeOffset? next = null;
        for (var i = n - 1; i >= 0; i--)
        {
            if (!eligible[i] || shortfall[i] || last < times[i] + window) onset[i] = None;
            else if (inTail[i]) onset[i] = InEpisode;
            else onset[i] = next is { } s && s <= times[i] + window ? (sbyte)1 : (sbyte)0;
            if (starts[i]) next = times[i];
        }
        return onset;
    }
}
