namespace Forecaster.Modeling.Registry;

/// <summary>No model of that name or version in the registry.</summary>
public sealed class ModelNotFoundException : ForecasterException
{
    /// <summary>Creates the error with its one-line message.</summary>
    public ModelNotFoundException(string message) : base(message) { }
}
