namespace Forecaster.Markets;

/// <summary>
/// What is known to be imperfect about one hour of market state. Flags combine; <see cref="None"/> is a clean, fresh hour.
/// </summary>
[Flags]
public enum DataQuality
{
    /// <summary>A fresh observation with nothing to remark.</summary>
    None = 0,

    /// <summary>The source forward-filled this hour from an earlier snapshot (its snapshot timestamp repeats the previous hour's).</summary>
    Stale = 1,

    /// <summary>Borrows exceeded deposits in the source (utilization above 1); derived values clip it to 1, the stored amounts are kept as read.</summary>
    UtilizationAboveOne = 2,

    /// <summary>One or more hours are missing from the hourly grid just before this hour.</summary>
    AfterGap = 4,

    /// <summary>The source gave no supply or borrow rate for this hour; rates are stored as NaN.</summary>
    MissingRates = 8,

    /// <summary>Produced by the simulator, not observed on a chain.</summary>
    Simulated = 16,
}
