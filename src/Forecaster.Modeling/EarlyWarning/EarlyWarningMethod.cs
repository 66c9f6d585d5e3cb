namespace Forecaster.Modeling.EarlyWarning;

/// <summary>A named early-warning method: the model options <c>forecaster train --method NAME</c> fits.</summary>
/// <param name="Name">The name given on the command line and kept on the model card.</param>
/// <param name="Description">One line saying what the method does differently.</param>
/// <param name="Options">The model options it trains with.</param>
public sealed record EarlyWarningMethod(string Name, string Description, EarlyWarningModelOptions Options);
