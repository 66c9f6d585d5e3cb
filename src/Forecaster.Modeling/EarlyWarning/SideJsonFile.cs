using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// How the backtest's side files (bootstrap intervals, calibration) are written: a record serialised as it is, indented,
/// undefined values (NaN) as the string "NaN", the file replaced atomically (a crash never leaves half a file).
/// </summary>
internal static class SideJsonFile
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write<T>(T value, string path)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full + ".tmp", JsonSerializer.Serialize(value, Options));
        File.Move(full + ".tmp", full, overwrite: true);
    }
}
