namespace Forecaster.Ingest.Snapshots;

/// <summary>Why one row of a file could not be used.</summary>
/// <param name="File">The file's name as given.</param>
/// <param name="Line">1-based line (header is line 1).</param>
/// <param name="Column">Column name, or empty when the whole row is at fault.</param>
/// <param name="ColumnNumber">1-based column number, or 0 when the whole row is at fault.</param>
/// <param name="Reason">What is wrong, e.g. "'abc' is not a number".</param>
/// <param name="Raw">The row as read, for the rejects file.</param>
public sealed record RowRejection(string File, long Line, string Column, int ColumnNumber, string Reason, string Raw)
{
    /// <summary>One line naming file, line and column: the message of a strict run's error.</summary>
    public string Describe() => ColumnNumber > 0
        ? $"{File}: line {Line}, column {ColumnNumber} ({Column}): {Reason}"
        : $"{File}: line {Line}: {Reason}";
}
