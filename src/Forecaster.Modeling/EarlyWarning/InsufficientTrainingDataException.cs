namespace Forecaster.Modeling.EarlyWarning;

/// <summary>The training data cannot fit a model: too few rows or no positive example.</summary>
public sealed class InsufficientTrainingDataException : ForecasterException
{
    /// <summary>Creates the error with its one-line message.</summary>
    public InsufficientTrainingDataException(string message) : base(message) { }
}
