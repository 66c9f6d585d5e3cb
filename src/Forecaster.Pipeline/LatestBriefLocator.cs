using System.Globalization;

namespace Forecaster.Pipeline;

/// <summary>Finds the newest written brief under an output folder, for <c>forecaster serve</c>'s <c>/reports</c> page.</summary>
public static class LatestBriefLocator
{
    /// <summary>The newest dated folder (yyyy-MM-dd) holding a brief.html, or null when there is none.</summary>
    public static string? FindDirectory(string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory)) return null;
        return Directory.EnumerateDirectories(outputDirectory)
            .Select(d => (Path: d, Ok: DateOnly.TryParseExact(Path.GetFileName(d), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day), Day: day))
            .Where(d => d.Ok && File.Exists(Path.Combine(d.Path, "brief.html")))
            .OrderByDescending(d => d.Day)
            .Select(d => d.Path)
            .FirstOrDefault();
    }

    /// <summary>The newest brief.html, or null.</summary>
    public static string? FindHtml(string outputDirectory) =>
        FindDirectory(outputDirectory) is { } dir ? Path.Combine(dir, "brief.html") : null;
}
