namespace Forecaster.Recommend;

/// <summary>The stress a market's peers carried over to it at an hour (<see cref="PeerStress"/>), and from which peer.</summary>
/// <param name="At">The hour of the market it was read for.</param>
/// <param name="Stress">The stress carried over, in [0, 1]: 0 when no peer was above its kink.</param>
/// <param name="Peer">The most stressed peer, or null when none was stressed.</param>
/// <param name="PeerHour">The peer's hour read (its latest at or before <paramref name="At"/>).</param>
/// <param name="PeerUtilization">The peer's utilization then (null without a peer).</param>
/// <param name="PeerOptimalUtilization">The peer's rate curve's kink then, as its own rates showed it (null without a peer).</param>
public sealed record PeerStressReading(DateTimeOffset At, double Stress, string? Peer, DateTimeOffset? PeerHour, double? PeerUtilization, double? PeerOptimalUtilization)
{
    /// <summary>No peer stress at <paramref name="at"/>.</summary>
    public static PeerStressReading None(DateTimeOffset at) => new(at, 0, null, null, null, null);
}
