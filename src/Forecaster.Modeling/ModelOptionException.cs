namespace Forecaster.Modeling;

/// <summary>
/// A model option outside its allowed range. The message names the option (its property and its CLI spelling),
/// the allowed range and the value given, so a user can fix the call without reading the source.
/// </summary>
public sealed class ModelOptionException : ForecasterException
{
    /// <summary>Creates the error for <paramref name="option"/> with the allowed range and the offending value.</summary>
    /// <param name="option">Property name, e.g. <c>WindowSize</c>.</param>
    /// <param name="cliName">Command-line spelling, e.g. <c>--window-size</c>.</param>
    /// <param name="allowed">The allowed range in words, e.g. <c>[2, SeriesLength/2]</c>.</param>
    /// <param name="value">The value given.</param>
    public ModelOptionException(string option, string cliName, string allowed, object? value)
        : base($"{option} ({cliName}) must be in {allowed}; got {Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null"}.")
    {
        Option = option;
    }

    /// <summary>The property name of the rejected option.</summary>
    public string Option { get; }

    /// <summary>Throws when <paramref name="value"/> is outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="min">Inclusive lower bound.</param>
    /// <param name="max">Inclusive upper bound.</param>
    /// <param name="option">Property name.</param>
    /// <param name="cliName">Command-line spelling.</param>
    /// <param name="allowed">Range in words when the bounds are derived from other options; null prints the bounds.</param>
    /// <exception cref="ModelOptionException">The value is out of range.</exception>
    public static void ThrowIfOutside(double value, double min, double max, string option, string cliName, string? allowed = null)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new ModelOptionException(option, cliName, allowed ?? $"[{Fmt(min)}, {Fmt(max)}]", value);
    }

    private static string Fmt(double v) => v.ToString("G", System.Globalization.CultureInfo.InvariantCulture);
}
