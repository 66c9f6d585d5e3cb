namespace Forecaster;

/// <summary>
/// Base of the errors Forecaster reports to its user: bad input, a missing market, an unreachable node.
/// The message is one line that names what went wrong and where; the CLI prints it and exits non-zero.
/// </summary>
public class ForecasterException : Exception
{
    /// <summary>Creates the error with its one-line message.</summary>
    public ForecasterException(string message) : base(message) { }

    /// <summary>Creates the error with its one-line message and the cause.</summary>
    public ForecasterException(string message, Exception inner) : base(message, inner) { }
}
