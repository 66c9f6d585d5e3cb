using System.CommandLine;
using Forecaster.Pipeline;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster simulate [--markets N] [--days N] [--seed N] [--start UTC] [--behaviour NAME] [--store PATH] [--events]</c>.</summary>
public static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var markets = new Option<int>("--markets") { Description = "Number of markets, 1 to 1000", DefaultValueFactory = _ => SimulationOptions.Defaults.Markets };
        var days = new Option<int>("--days") { Description = "Days of hourly history, 1 to 3650", DefaultValueFactory = _ => SimulationOptions.Defaults.Days };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same markets", DefaultValueFactory = _ => SimulationOptions.Defaults.Seed };
        var start = new Option<string?>("--start") { Description = $"First simulated hour, UTC (default {SimulationOptions.Defaults.Start:yyyy-MM-ddTHH:mmZ})" };
        var behaviour = new Option<string>("--behaviour")
        {
            Description = $"How the agents behave: {string.Join(", ", AgentBehaviour.Named.Keys)} (half or twice the default shocks and panic)",
            DefaultValueFactory = _ => "default",
        };
        var events = new Option<bool>("--events")
        {
            Description = $"Also store every agent's event-level flow (chain {AgentSimulator.EventChain}, source {SimulatedFlowLogs.Source}), for --account-flows {AgentSimulator.EventChain}:{SimulatedFlowLogs.Source}",
        };
        var store = CliOptions.Store();
        var command = new Command("simulate", "Write simulated lending markets (marked as simulated) into the store.") { markets, days, seed, start, behaviour, store, events };

        CommandAction.Set(command, async (parse, ct) =>
        {
            var options = new SimulationOptions
            {
                Markets = parse.GetValue(markets),
                Days = parse.GetValue(days),
                Seed = parse.GetValue(seed),
                Start = CliOptions.ParseUtc(parse.GetValue(start), "--start") ?? SimulationOptions.Defaults.Start,
            };
            options.Validate();
            var name = parse.GetValue(behaviour)!;
            if (!AgentBehaviour.Named.TryGetValue(name, out var agents))
                throw new ForecasterException($"--behaviour: '{name}' is not one of {string.Join(", ", AgentBehaviour.Named.Keys)}.");
            await using var marketStore = DuckDbMarketStore.Open(parse.GetValue(store)!);
            // Attached, the flow store's transaction writes the hours too: events and hours are kept together or not at all.
            await using var flowStore = DuckDbFlowEventStore.Attach(marketStore);
            var service = new SimulationService(marketStore);
            var pool = $"{AgentSimulator.EventChain}:{SimulatedFlowLogs.Source}";
            SimulationWrite written;
            if (parse.GetValue(events))
            {
                written = await service.SimulateWithEventsAsync(options, flowStore, ct, agents);
                Console.WriteLine($"events ({pool}): stored {written.Events.Inserted:N0} new, {written.Events.AlreadyStored:N0} already stored");
            }
            else
            {
                written = await service.SimulateAsync(options, flowStore, ct, agents);
                Console.WriteLine($"events ({pool}): none written (no --events); removed {written.EventsRemoved:N0} stored events of these markets");
            }
            foreach (var r in written.Hours)
                Console.WriteLine($"{r.Market} (simulated): stored {r.Inserted:N0} new hours, updated {r.Updated:N0}, unchanged {r.Unchanged:N0}");
            Console.WriteLine($"store {marketStore.Path}");
            return 0;
        });
        return command;
    }
}
