using System.Diagnostics;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>
/// Runs every notebook's code cells as a generated console program (the .NET Interactive kernel is not installable
/// here), so the notebooks cannot rot. The program builds against the current sources in its own artifacts folder.
/// </summary>
public sealed class NotebookTests
{
    private static readonly string WorkRoot = Path.Combine(Path.GetTempPath(), "forecaster-notebooks");

    public static TheoryData<string> Notebooks() =>
        new(Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "notebooks"), "*.ipynb").Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_RunsEveryCodeCell_WhenExtractedToAProgram(string notebook)
    {
        SharedData.Require("aave-v2-hourly");
        var program = NotebookProgram.FromNotebook(Path.Combine(SharedData.RepositoryRoot, "notebooks", notebook));
        var name = "nb_" + Path.GetFileNameWithoutExtension(notebook).Replace('-', '_');
        var folder = Path.Combine(WorkRoot, name);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".csproj"), program.ProjectFile(SharedData.RepositoryRoot), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), program.Source, TestContext.Current.CancellationToken);
        var artifacts = Path.Combine(WorkRoot, "art");

        var build = await RunAsync("dotnet", ["build", Path.Combine(folder, name + ".csproj"), "--artifacts-path", artifacts, "-nologo", "-v", "q"], folder);
        Assert.True(build.ExitCode == 0, $"{notebook}: generated program does not build:\n{build.Output}");
        var run = await RunAsync("dotnet", [Path.Combine(artifacts, "bin", name, "debug", name + ".dll")], Path.Combine(SharedData.RepositoryRoot, "notebooks"));

        Assert.True(run.ExitCode == 0, $"{notebook}: a cell failed:\n{run.Output}");
        Assert.NotEmpty(run.Output.Trim());
        TestContext.Current.SendDiagnosticMessage(run.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment[SharedData.EnvironmentVariable] = SharedData.Root;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(20));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
