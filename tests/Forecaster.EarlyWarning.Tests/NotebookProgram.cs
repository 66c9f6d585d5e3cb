using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>
/// Turns a .NET Interactive notebook's C# code cells into a console program: <c>#r "nuget: X, V"</c> becomes a
/// package reference, <c>#r "*.dll"</c> of the project's own assemblies becomes project references to their sources,
/// other magics are dropped, using directives move to the top, and <c>display(x)</c> prints <c>x</c>.
/// </summary>
internal sealed partial class NotebookProgram
{
    private static readonly string[] Projects = ["Forecaster.Core", "Forecaster.Ingest", "Forecaster.Modeling"];

    public required string Source { get; init; }
    public required IReadOnlyList<(string Name, string Version)> Packages { get; init; }

    public static NotebookProgram FromNotebook(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var usings = new List<string>();
        var body = new StringBuilder();
        var packages = new List<(string, string)>();
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            foreach (var line in source.Split('\n'))
            {
                var trimmed = line.Trim();
                if (NugetReference().Match(trimmed) is { Success: true } m) packages.Add((m.Groups[1].Value, m.Groups[2].Value));
                else if (trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#!", StringComparison.Ordinal)) continue;
                else if (UsingDirective().IsMatch(trimmed)) usings.Add(trimmed);
                else body.AppendLine(line.TrimEnd('\r'));
            }
            body.AppendLine();
        }
        body.AppendLine("static void display(object value) => System.Console.WriteLine(value);");
        return new NotebookProgram { Source = string.Join('\n', usings.Distinct()) + "\n\n" + body, Packages = packages };
    }

    public string ProjectFile(string repositoryRoot)
    {
        var text = new StringBuilder();
        text.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        text.AppendLine("  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>disable</Nullable><NoWarn>NU1603;CS8321</NoWarn></PropertyGroup>");
        text.AppendLine("  <ItemGroup>");
        foreach (var p in Projects) text.AppendLine($"    <ProjectReference Include=\"{Path.Combine(repositoryRoot, "src", p, p + ".csproj")}\" />");
        foreach (var (name, version) in Packages) text.AppendLine($"    <PackageReference Include=\"{name}\" Version=\"{version}\" />");
        text.AppendLine("  </ItemGroup>");
        text.AppendLine("</Project>");
        return text.ToString();
    }

    [GeneratedRegex("^#r\\s+\"nuget:\\s*([^,\"]+?)\\s*,\\s*([^\"]+?)\\s*\"$")]
    private static partial Regex NugetReference();

    [GeneratedRegex("^using\\s+[A-Za-z0-9_.=\\s]+;$")]
    private static partial Regex UsingDirective();
}
