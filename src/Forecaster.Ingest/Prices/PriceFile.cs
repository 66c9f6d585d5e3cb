namespace Forecaster.Ingest.Prices;

/// <summary>A price file read and checked: one symbol and its observations in file order.</summary>
/// <param name="File">The file's name, for messages.</param>
/// <param name="Symbol">The token, upper case.</param>
/// <param name="Observations">Every row, in file order.</param>
public sealed record PriceFile(string File, string Symbol, IReadOnlyList<PriceObservation> Observations);
