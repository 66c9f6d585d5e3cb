using System.Text.Json;
using Forecaster.EarlyWarning;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// Writes a <see cref="WarningComparison"/> as JSON, the same shape as a model card's <c>Uncertainty</c>; undefined
/// values (NaN) are written as the string "NaN".
/// </summary>
public static class WarningComparisonJson
{
    /// <summary>Writes the JSON to a file, replacing it atomically (a crash never leaves half a file).</summary>
    public static void Write(WarningComparison comparison, string path) => SideJsonFile.Write(comparison, path);

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The file is not such JSON.</exception>
    public static WarningComparison Read(string path) =>
        JsonSerializer.Deserialize<WarningComparison>(File.ReadAllText(path), SideJsonFile.Options) ?? throw new JsonException($"{path}: empty bootstrap JSON.");
}
