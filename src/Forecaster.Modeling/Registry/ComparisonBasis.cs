namespace Forecaster.Modeling.Registry;

/// <summary>On what a challenger was compared with the champion (written by name in model cards).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ComparisonBasis>))]
public enum ComparisonBasis
{
    /// <summary>
    /// The challenger is the champion's method (equal options, feature set and known code version) refit on a data window
    /// that ends no earlier: its walk-forward is the champion method's walk-forward on today's data, so nothing is re-run.
    /// </summary>
    SameMethod,

    /// <summary>The champion's method was re-run walk-forward on the challenger's data and both were measured on the same hours.</summary>
    SameHours,

    /// <summary>
    /// The fallback: the two cards' own figures, which come from walk-forwards over each model's own data window (no data
    /// was given, or this code cannot rebuild the champion's method).
    /// </summary>
    CardFigures,
}
