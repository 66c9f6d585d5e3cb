using System.Diagnostics;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>Starts `forecaster serve --worker-only --storage postgres` from the built CLI.</summary>
internal static class WorkerProcess
{
    public static Process Start(string connection, string name, string reports)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Find(), "serve", "--worker-only", "--storage", "postgres" }) info.ArgumentList.Add(a);
        info.Environment["Forecaster__Storage__ConnectionString"] = connection;
        info.Environment["Forecaster__Jobs__WorkerName"] = name;
        info.Environment["Forecaster__Jobs__ReportsDirectory"] = reports;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // The CLI is built beside this app (artifacts path) or in its own bin folder; FORECASTER_CLI_DLL overrides.
    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("FORECASTER_CLI_DLL") is { Length: > 0 } set) return set;
        var beside = Path.Combine(AppContext.BaseDirectory, "forecaster.dll");
        if (File.Exists(beside)) return beside;
        var artifacts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Forecaster.Cli", "release", "forecaster.dll"));
        if (File.Exists(artifacts)) return artifacts;
        throw new FileNotFoundException($"forecaster.dll not found beside the benchmarks or at {artifacts}: build src/Forecaster.Cli in Release first, or set FORECASTER_CLI_DLL.");
    }
}
