using Forecaster.Pipeline;
using Forecaster.Simulation;
using Forecaster.Store.DuckDb;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>`forecaster simulate` into a new DuckDB file, 6 markets x 730 days, without and with --events.</summary>
public abstract class SimulateStoreWorkload(bool events) : IWorkload
{
    private static readonly SimulationOptions Options = new() { Markets = 6, Days = 730 };

    public string Name => events ? "simulate-store-events" : "simulate-store";

    public string Description => $"simulate 6 markets x 730 days into a new DuckDB store{(events ? " with every agent's event (--events)" : " (hours only)")}; prints the file size";

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bench-sim").FullName;
        try
        {
            var path = Path.Combine(folder, "s.duckdb");
            long hours;
            await using (var store = DuckDbMarketStore.Open(path))
            {
                var service = new SimulationService(store);
                if (events)
                {
                    await using var flows = DuckDbFlowEventStore.Attach(store);
                    var written = await service.SimulateWithEventsAsync(Options, flows);
                    hours = written.Hours.Sum(h => h.Inserted);
                    Console.WriteLine($"{Name}: {written.Events.Inserted:N0} events stored");
                }
                else hours = (await service.SimulateAsync(Options)).Sum(h => h.Inserted);
            }
            Console.WriteLine($"{Name}: store file {new FileInfo(path).Length / (1024.0 * 1024):N1} MiB");
            return (hours, "market-hours");
        }
        finally { Directory.Delete(folder, true); }
    }
}

/// <summary>Hours only.</summary>
public sealed class SimulateStoreHoursWorkload() : SimulateStoreWorkload(events: false);

/// <summary>Hours and events.</summary>
public sealed class SimulateStoreEventsWorkload() : SimulateStoreWorkload(events: true);
