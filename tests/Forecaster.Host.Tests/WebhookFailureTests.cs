using System.Net;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Testing;
using Hangfire;
using Xunit;

namespace Forecaster.Host.Tests;

public class WebhookFailureTests
{
    [Fact]
    public async Task FailedDelivery_IsFailedInTheDashboard_AndDeliversOnceWhenRequeuedAfterTheEndpointRecovers()
    {
        using var temp = new TempDirectory("hook");
        using var endpoint = new WebhookEndpoint("hook/secret-path");
        await using var service = await RunningService.StartAsync(new()
        {
            ["Forecaster:Storage:StorePath"] = temp.File("s.duckdb"),
            ["Forecaster:Jobs:ReportsDirectory"] = temp.File("reports"),
            // One market: one join, so one delivery job (two markets finishing together may enqueue a duplicate, which would post nothing).
            ["Forecaster:Jobs:SimulatedMarkets"] = "1",
            ["Forecaster:Webhook:Url"] = endpoint.Url,
            ["Forecaster:Webhook:Attempts"] = "1",
        });
        var ct = TestContext.Current.CancellationToken;
        service.Jobs.Enqueue<StartMorningJob>(j => j.RunAsync(CancellationToken.None));

        // The first attempt and its one retry fail: the job must end Failed, not deleted and not retried further.
        var monitoring = service.Storage.GetMonitoringApi();
        string? failedId = null;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (failedId is null && DateTime.UtcNow < deadline)
        {
            failedId = monitoring.FailedJobs(0, 50).FirstOrDefault(j => j.Value.Job?.Type == typeof(DeliverWebhookJob)).Key;
            if (failedId is null) await Task.Delay(250, ct);
        }
        Assert.NotNull(failedId);
        Assert.Equal(2, endpoint.Attempts);
        var failed = monitoring.FailedJobs(0, 50).Single(j => j.Key == failedId).Value;
        Assert.Contains("answered 500", failed.ExceptionMessage);
        Assert.DoesNotContain("secret-path", failed.ExceptionMessage);

        // The dashboard's Failed page, over HTTP, lists the job.
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var page = await http.GetAsync("/hangfire/jobs/failed", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains($"jobs/details/{failedId}", html);
        Assert.Contains("DeliverWebhookJob", html);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(2, endpoint.Attempts);

        // Not lost: requeued once the endpoint is back, it delivers exactly once.
        endpoint.FailFirst = 0;
        Assert.True(service.Jobs.Requeue(failedId));
        await service.WaitForJobAsync(failedId, TimeSpan.FromSeconds(60));
        var asOf = await InMemoryPipelineTests.WaitForAsync(() => service.Ledger.GetLatestAsOfAsync(PipelineStages.Webhook, cancellationToken: ct), TimeSpan.FromSeconds(10));
        Assert.Equal(3, endpoint.Attempts);
        Assert.Contains("\"text\":\"Forecaster brief as of", Assert.Single(endpoint.Delivered));
        Assert.NotNull(await service.Ledger.GetAsync(PipelineStages.Webhook, "brief", asOf, ct));
    }
}
