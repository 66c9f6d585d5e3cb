namespace Forecaster.Modeling.Registry;

/// <summary>A version was not promoted because its backtest does not beat the champion's (use --force to override).</summary>
public sealed class ChallengerRejectedException : ForecasterException
{
    /// <summary>Creates the error with its one-line message.</summary>
    public ChallengerRejectedException(string message) : base(message) { }
}
