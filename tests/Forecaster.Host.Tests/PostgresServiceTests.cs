using System.Net;
using System.Net.Sockets;
using Forecaster.Host.Tests;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Testing;
using Hangfire;
using Hangfire.Storage;
using Xunit;

namespace Forecaster.Host.Tests;

public class PostgresServiceTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Webhook_ReceivesTheReportOnce_WhenTheEndpointFailsTwiceThenSucceeds()
    {
        using var temp = new TempDirectory("svc");
        // Fails the first two deliveries, as an endpoint in trouble would.
        using var endpoint = new WebhookEndpoint("hook/secret-token", failFirst: 2);

        await using var service = await RunningService.StartAsync(new()
        {
            ["Forecaster:Storage:Kind"] = "Postgres",
            ["Forecaster:Storage:ConnectionString"] = await cluster.CreateDatabaseAsync(),
            ["Forecaster:Jobs:ReportsDirectory"] = temp.File("reports"),
            ["Forecaster:Jobs:SimulatedMarkets"] = "3",
            ["Forecaster:Webhook:Url"] = endpoint.Url,
        });
        service.Jobs.Enqueue<StartMorningJob>(j => j.RunAsync(CancellationToken.None));
        var asOf = await InMemoryPipelineTests.WaitForAsync(() => service.Ledger.GetLatestAsOfAsync(PipelineStages.Webhook, cancellationToken: TestContext.Current.CancellationToken), TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        Assert.Equal(3, endpoint.Attempts);
        var body = Assert.Single(endpoint.Delivered);
        Assert.Contains("\"text\":\"Forecaster brief as of", body);
        Assert.DoesNotContain("secret-token", (await service.Ledger.GetAsync(PipelineStages.Webhook, "brief", asOf, TestContext.Current.CancellationToken))!.Payload);
    }

    [Fact]
    public async Task RecurringSchedules_SurviveARestart_WhenStoredInPostgres()
    {
        using var temp = new TempDirectory("svc");
        var settings = new Dictionary<string, string?>
        {
            ["Forecaster:Storage:Kind"] = "Postgres",
            ["Forecaster:Storage:ConnectionString"] = await cluster.CreateDatabaseAsync(),
            ["Forecaster:Jobs:ReportsDirectory"] = temp.File("reports"),
            ["Forecaster:Jobs:MorningCron"] = "30 7 * * 1-5",
            ["Forecaster:Jobs:TimeZone"] = "Europe/Zurich",
        };
        await using (await RunningService.StartAsync(new(settings))) { }

        // The second start does not register anything: what it sees was stored by the first.
        settings["Forecaster:Service:RegisterSchedules"] = "false";
        await using var restarted = await RunningService.StartAsync(settings);
        using var connection = restarted.Storage.GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id);
        Assert.Equal(new[] { PipelineSchedule.IngestId, PipelineSchedule.MorningId, PipelineSchedule.RetrainId }.Order(), recurring.Keys.Order());
        Assert.Equal("30 7 * * 1-5", recurring[PipelineSchedule.MorningId].Cron);
        Assert.Equal("Europe/Zurich", recurring[PipelineSchedule.MorningId].TimeZoneId);
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
