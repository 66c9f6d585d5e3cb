namespace Forecaster.Modeling.Features;

/// <summary>
/// Binary searches over values sorted ascending, as the rank-based features keep them (a trailing window's sorted copy, the
/// ranks behind a Fenwick tree). Unlike <see cref="Array.BinarySearch(Array, object)"/>, they say where a run of equal
/// values starts or ends, which is what a count of values below or at a level needs.
/// </summary>
internal static class SortedSearch
{
    /// <summary>The first index whose value is at or above <paramref name="value"/>: the count of values below it.</summary>
    public static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The first index whose value is above <paramref name="value"/>: the count of values at or below it.</summary>
    public static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
