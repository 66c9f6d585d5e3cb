namespace Forecaster.Modeling.EarlyWarning;

/// <summary>A method name that is not in <see cref="EarlyWarningMethods.All"/>.</summary>
public sealed class UnknownMethodException(string message) : ForecasterException(message);
