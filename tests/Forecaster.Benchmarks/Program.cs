using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Running;
using Forecaster.Benchmarks;

var workloads = typeof(IWorkload).Assembly.GetTypes()
    .Where(t => typeof(IWorkload).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
    .Select(t => (IWorkload)Activator.CreateInstance(t)!)
    .OrderBy(w => w.Name)
    .ToList();

if (args is ["bdn", .. var rest])
{
    BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(rest);
    return 0;
}

var selected = args.Length == 0 ? [] : workloads.Where(w => args.Contains(w.Name)).ToList();
if (selected.Count == 0)
{
    Console.WriteLine("usage: Forecaster.Benchmarks NAME... | bdn [BenchmarkDotNet args]");
    foreach (var w in workloads) Console.WriteLine($"  {w.Name,-24} {w.Description}");
    return args.Length == 0 ? 0 : 2;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
foreach (var workload in selected)
{
    await workload.SetupAsync();
    GC.Collect();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var (items, unit) = await workload.RunAsync();
    stopwatch.Stop();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var seconds = stopwatch.Elapsed.TotalSeconds;
    // CPU time says how much work the run took whatever else the shared machine was doing; wall time is the figure that counts.
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine($"{workload.Name}: {items:N0} {unit} in {seconds:F2} s = {items / seconds:N0} {unit}/s; cpu {cpu:F2} s ({items / cpu:N0} {unit}/cpu-s); " +
                      $"peak working set {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MiB (whole process, setup included)");
}
return 0;
