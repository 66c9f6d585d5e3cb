namespace Forecaster.Chain.Rpc;

/// <summary>
/// Chooses the block span of each <c>eth_getLogs</c> call: halves it when the node refuses a range as too large and doubles it
/// after a range that came back light, within [<see cref="MinSpan"/>, <see cref="MaxSpan"/>]. Providers cap ranges by blocks
/// (e.g. 2,000 or 10,000) or by results (e.g. 10,000 logs); adapting covers both without per-provider settings.
/// Not thread-safe: one planner per reading loop.
/// </summary>
public sealed class LogRangePlanner
{
    /// <summary>Creates the planner.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Spans not 1 ≤ min ≤ initial ≤ max, or a non-positive light threshold.</exception>
    public LogRangePlanner(long initialSpan, long minSpan = 1, long maxSpan = 100_000, int lightResultCount = 2_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minSpan, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialSpan, minSpan);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSpan, initialSpan);
        ArgumentOutOfRangeException.ThrowIfLessThan(lightResultCount, 1);
        Span = initialSpan;
        MinSpan = minSpan;
        MaxSpan = maxSpan;
        LightResultCount = lightResultCount;
    }

    /// <summary>Current span in blocks.</summary>
    public long Span { get; private set; }

    /// <summary>Smallest span tried; a refusal at this span is an error.</summary>
    public long MinSpan { get; }

    /// <summary>Largest span.</summary>
    public long MaxSpan { get; }

    /// <summary>A range that returned fewer logs than this lets the span grow.</summary>
    public int LightResultCount { get; }

    /// <summary>Refusals seen so far (for reports and tests).</summary>
    public int Refusals { get; private set; }

    /// <summary>The inclusive end of the next range starting at <paramref name="from"/>, not past <paramref name="to"/>.</summary>
    public long EndOf(long from, long to) => Math.Min(to, from + Span - 1);

    /// <summary>Records a refusal of a range of <paramref name="span"/> blocks; returns false when it cannot shrink any more.</summary>
    public bool OnRefused(long span)
    {
        Refusals++;
        if (span <= MinSpan) return false;
        // Halve the span actually refused (it may be shorter than Span at the end of the range).
        Span = Math.Max(MinSpan, span / 2);
        return true;
    }

    /// <summary>Records a successful range of <paramref name="span"/> blocks that returned <paramref name="logCount"/> logs.</summary>
    public void OnSucceeded(long span, int logCount)
    {
        if (logCount < LightResultCount && span >= Span)
            Span = Math.Min(MaxSpan, Span * 2);
    }
}
