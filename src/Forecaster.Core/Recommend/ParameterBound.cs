namespace Forecaster.Recommend;

/// <summary>
/// How far and how often a parameter may move, in the manner of Aave's risk stewards: at most a relative step per update,
/// and not again before a minimum delay has passed since the last change.
/// </summary>
/// <param name="Parameter">Parameter name, e.g. <c>borrowCap</c>.</param>
/// <param name="MaxRelativeChange">Largest change per update relative to the current value, in (0, 10]; 0.25 = 25%.</param>
/// <param name="MinimumDelay">Least time between two changes; not negative.</param>
public sealed record ParameterBound(string Parameter, double MaxRelativeChange, TimeSpan MinimumDelay)
{
    /// <summary>Bounds used when none are configured: caps and reserve factors move at most 25% (slopes 50%) per update, 3 days apart.</summary>
    public static IReadOnlyDictionary<string, ParameterBound> Defaults { get; } = new Dictionary<string, ParameterBound>
    {
        ["borrowCap"] = new("borrowCap", 0.25, TimeSpan.FromDays(3)),
        ["supplyCap"] = new("supplyCap", 0.25, TimeSpan.FromDays(3)),
        ["reserveFactor"] = new("reserveFactor", 0.25, TimeSpan.FromDays(3)),
        ["slope2"] = new("slope2", 0.50, TimeSpan.FromDays(3)),
        ["ltv"] = new("ltv", 0.10, TimeSpan.FromDays(3)),
        ["liquidationThreshold"] = new("liquidationThreshold", 0.10, TimeSpan.FromDays(3)),
        ["treasuryReserveUsd"] = new("treasuryReserveUsd", 10.0, TimeSpan.FromHours(1)),
        ["borrowingPaused"] = new("borrowingPaused", 1.0, TimeSpan.Zero),
    };

    /// <summary>
    /// The value a change may actually take now: the recommended value clipped to the per-update step, or the current value
    /// when the last change is more recent than the minimum delay.
    /// </summary>
    /// <param name="current">The parameter's value now; NaN when unknown, and then no relative step can apply: the recommended
    /// value is returned with a note that the change needs a full governance vote (the minimum delay still holds).</param>
    /// <param name="recommended">The value the analysis asks for.</param>
    /// <param name="lastChanged">When the parameter last changed, or null if never.</param>
    /// <param name="now">The time of the proposal.</param>
    /// <returns>The allowed value and, when it differs from <paramref name="recommended"/> or no relative step applies, why.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The bound itself is malformed.</exception>
    public (double Value, string? Limited) Apply(double current, double recommended, DateTimeOffset? lastChanged, DateTimeOffset now)
    {
        if (MaxRelativeChange is <= 0 or > 10) throw new ArgumentOutOfRangeException(nameof(MaxRelativeChange), MaxRelativeChange, "MaxRelativeChange must be in (0, 10].");
        if (MinimumDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MinimumDelay), MinimumDelay, "MinimumDelay must not be negative.");
        if (lastChanged is { } last && now - last < MinimumDelay)
            return (current, $"last changed {last:yyyy-MM-dd HH:mm} UTC; not again before {last + MinimumDelay:yyyy-MM-dd HH:mm} UTC");
        // A step relative to a value nobody knows would be invented, and a steward may only make bounded steps.
        if (double.IsNaN(current))
            return (recommended, "a full governance vote is needed: a steward's bounded step needs a known current value");
        // From zero a relative step is meaningless: the step is then taken on the recommended value's scale.
        var scale = Math.Abs(current) > 0 ? Math.Abs(current) : Math.Abs(recommended);
        var step = MaxRelativeChange * scale;
        var allowed = Math.Clamp(recommended, current - step, current + step);
        return allowed == recommended ? (allowed, null) : (allowed, "the analysis asks for more than this one step");
    }

    /// <summary>
    /// How many updates at this bound it takes to move from <paramref name="current"/> to <paramref name="requested"/>: each
    /// update moves at most <see cref="MaxRelativeChange"/> of the value it starts from, so steps compound. Null when no
    /// relative path exists (an unknown, zero or negative current value, or a request of the other sign).
    /// </summary>
    /// <remarks>
    /// Governance reads a bounded step differently when the analysis is two steps away than when it is ten: the count, and
    /// the least time it takes (<see cref="MinimumDelay"/> between updates), say whether this lever can close the gap soon.
    /// </remarks>
    /// <param name="current">The parameter's value now.</param>
    /// <param name="requested">The value the analysis asks for.</param>
    public int? UpdatesToReach(double current, double requested)
    {
        if (!double.IsFinite(current) || !double.IsFinite(requested) || current <= 0 || requested <= 0) return null;
        if (requested == current) return 0;
        var perUpdate = requested > current ? 1 + MaxRelativeChange : 1 - MaxRelativeChange;
        if (perUpdate <= 0) return 1; // a bound of 100% or more down reaches any smaller value at once
        // The tolerance keeps a request exactly k steps away from counting as k + 1 through rounding.
        return (int)Math.Ceiling(Math.Log(requested / current) / Math.Log(perUpdate) - 1e-9);
    }
}
