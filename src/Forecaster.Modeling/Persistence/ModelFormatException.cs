namespace Forecaster.Modeling.Persistence;

/// <summary>A saved model or checkpoint that cannot be read: wrong kind, unknown format version, or truncated.</summary>
public sealed class ModelFormatException : ForecasterException
{
    /// <summary>Creates the error with its one-line message.</summary>
    public ModelFormatException(string message) : base(message) { }

    /// <summary>Creates the error with its one-line message and the cause.</summary>
    public ModelFormatException(string message, Exception inner) : base(message, inner) { }
}
