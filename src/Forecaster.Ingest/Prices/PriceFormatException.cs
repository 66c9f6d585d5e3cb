using Forecaster.Ingest.Snapshots;

namespace Forecaster.Ingest.Prices;

/// <summary>A price file has a malformed row or a missing column; nothing was stored.</summary>
public sealed class PriceFormatException(RowRejection rejection) : ForecasterException(rejection.Describe() + " (nothing was stored)")
{
    /// <summary>The offending row.</summary>
    public RowRejection Rejection { get; } = rejection;
}
