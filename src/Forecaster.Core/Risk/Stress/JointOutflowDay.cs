namespace Forecaster.Risk.Stress;

/// <summary>One UTC day's 24 h relative deposit outflows across markets (00:00 to 00:00).</summary>
/// <param name="Day">Start of the day (00:00 UTC).</param>
/// <param name="OutflowShare">Per market, the share of its deposits that left over the day (negative: deposits grew).</param>
/// <param name="TotalOutflowShare">All markets together: USD that left (tokens valued at the day's start price where known) over USD held at the day's start.</param>
public sealed record JointOutflowDay(DateTimeOffset Day, IReadOnlyDictionary<string, double> OutflowShare, double TotalOutflowShare);
