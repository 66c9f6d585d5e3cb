using Forecaster.Host;
using Forecaster.Jobs.Ledger;
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>The real service in process on a real Kestrel port (port 0: the OS picks one), stopped on dispose.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private RunningService(IHost host) => Host = host;

    /// <summary>The host.</summary>
    public IHost Host { get; }

    /// <summary>Base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>Jobs client on the service's storage.</summary>
    public IBackgroundJobClient Jobs => Host.Services.GetRequiredService<IBackgroundJobClient>();

    /// <summary>The stage ledger.</summary>
    public IStageLedger Ledger => Host.Services.GetRequiredService<IStageLedger>();

    /// <summary>Hangfire's storage.</summary>
    public JobStorage Storage => Host.Services.GetRequiredService<JobStorage>();

    /// <summary>Builds and starts the service with the given configuration (keys like Forecaster:Storage:Kind).</summary>
    public static async Task<RunningService> StartAsync(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Forecaster:Service:Urls", "http://127.0.0.1:0");
        settings.TryAdd("Forecaster:Service:SchedulePollingInterval", "00:00:00.5");
        settings.TryAdd("Logging:LogLevel:Default", "Warning");
        var service = new RunningService(ForecasterServer.Build([], settings));
        await service.Host.StartAsync(TestContext.Current.CancellationToken);
        var server = service.Host.Services.GetService<IServer>();
        var address = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is not null) service.BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1"));
        return service;
    }

    /// <summary>Waits until a Hangfire job reaches a final state; returns the state's name.</summary>
    public async Task<string> WaitForJobAsync(string jobId, TimeSpan timeout) => await WaitForJobAsync(Storage, jobId, timeout);

    /// <summary>Waits until a job in <paramref name="storage"/> is Succeeded, or fails after the timeout with its last state.</summary>
    public static async Task<string> WaitForJobAsync(JobStorage storage, string jobId, TimeSpan timeout, string until = "Succeeded")
    {
        var deadline = DateTime.UtcNow + timeout;
        string? state = null;
        while (DateTime.UtcNow < deadline)
        {
            using (var connection = storage.GetConnection()) state = connection.GetStateData(jobId)?.Name;
            if (state == until) return state;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Job {jobId} did not reach {until} within {timeout}; last state {state ?? "(none)"}.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(TimeSpan.FromSeconds(20));
        Host.Dispose();
    }
}
