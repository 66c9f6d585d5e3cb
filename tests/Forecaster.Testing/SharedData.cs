using Xunit;

namespace Forecaster.Testing;

/// <summary>
/// Finds the real data that lives beside the project at <c>../shared/data</c> (never inside it).
/// Tests that need it call <see cref="Require"/>, which skips the test with a clear message where it is absent.
/// </summary>
public static class SharedData
{
    /// <summary>Environment variable that overrides where the shared data folder is.</summary>
    public const string EnvironmentVariable = "FORECASTER_SHARED_DATA";

    /// <summary>The repository root: the nearest folder above the test binaries holding Forecaster.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared data folder, whether or not it exists.</summary>
    public static string Root =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>
    /// The path of a file or folder under the shared data; skips the calling test when it is absent.
    /// </summary>
    public static string Require(params string[] relative)
    {
        var path = Path.Combine([Root, .. relative]);
        if (!File.Exists(path) && !Directory.Exists(path))
            Assert.Skip($"Shared real data not found at {path}: this test reads ../shared/data (or ${EnvironmentVariable}) and is skipped without it.");
        return path;
    }

    /// <summary>The four real Aave v2 hourly files, skipping the calling test when they are absent.</summary>
    public static IReadOnlyList<string> AaveV2Files()
    {
        var folder = Require("aave-v2-hourly");
        return new[] { "usdc", "usdt", "dai", "weth" }.Select(a => Path.Combine(folder, $"aave_v2_{a}.csv.gz")).ToArray();
    }

    private static string FindRepositoryRoot()
    {
        var baked = typeof(SharedData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (baked is not null && File.Exists(System.IO.Path.Combine(baked, "Forecaster.sln")))
            return baked;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Forecaster.sln")))
                return dir.FullName;
        }
        // Built outside the tree (e.g. with --artifacts-path): fall back to the working directory's ancestors.
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Forecaster.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Forecaster.sln not found above the test binaries or the working directory.");
    }
}
