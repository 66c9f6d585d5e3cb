namespace Forecaster.Risk;

/// <summary>The traffic light a risk analyst reads first.</summary>
public enum MarketStatus
{
    /// <summary>No action needed.</summary>
    Green = 0,

    /// <summary>Watch: a shortfall is plausible.</summary>
    Amber = 1,

    /// <summary>Act: a shortfall is likely or under way.</summary>
    Red = 2,
}
