using Forecaster.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>Every option with a range or an allowed set fails start-up with a message naming the key and what is allowed.</summary>
public class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Forecaster:Service:Urls", "ftp://127.0.0.1:2121", "Forecaster:Service:Urls: 'ftp://127.0.0.1:2121' is not an http(s) URL")]
    [InlineData("Forecaster:Service:WorkerCount", "0", "Forecaster:Service:WorkerCount must be in [1, 64]")]
    [InlineData("Forecaster:Service:WorkerCount", "65", "Forecaster:Service:WorkerCount must be in [1, 64]")]
    [InlineData("Forecaster:Service:SchedulePollingInterval", "00:02:00", "Forecaster:Service:SchedulePollingInterval must be in [00:00:00.1, 00:01:00]")]
    [InlineData("Forecaster:Service:ApiKey", "short", "Forecaster:Service:ApiKey must be at least 16 characters")]
    [InlineData("Forecaster:Storage:Kind", "mysql", "Forecaster:Storage:Kind 'mysql' must be inmemory or postgres")]
    [InlineData("Forecaster:Storage:Kind", "postgres", "Forecaster:Storage:ConnectionString is required when Forecaster:Storage:Kind is postgres")]
    [InlineData("Forecaster:Storage:InvisibilityTimeout", "00:00:01", "Forecaster:Storage:InvisibilityTimeout must be in [00:00:05, 1.00:00:00]")]
    [InlineData("Forecaster:Storage:QueuePollInterval", "00:00:00.01", "Forecaster:Storage:QueuePollInterval must be in [00:00:00.1, 00:01:00]")]
    [InlineData("Forecaster:Jobs:IngestCron", "5 * *", "Forecaster:Jobs:IngestCron '5 * *' is not a cron expression of 5 fields")]
    [InlineData("Forecaster:Jobs:MorningCron", "0 6 * * * * *", "Forecaster:Jobs:MorningCron '0 6 * * * * *' is not a cron expression of 5 fields")]
    [InlineData("Forecaster:Jobs:RetrainCron", "", "Forecaster:Jobs:RetrainCron '' is not a cron expression of 5 fields")]
    [InlineData("Forecaster:Jobs:TimeZone", "Mars/Olympus_Mons", "Forecaster:Jobs:TimeZone 'Mars/Olympus_Mons' is not a known time-zone id")]
    [InlineData("Forecaster:Jobs:SimulatedMarkets", "0", "Forecaster:Jobs:SimulatedMarkets must be in [1, 1000]")]
    [InlineData("Forecaster:Jobs:SimulatedMarkets", "1001", "Forecaster:Jobs:SimulatedMarkets must be in [1, 1000]")]
    [InlineData("Forecaster:Jobs:RetrainMethod", "hazard", "Forecaster:Jobs:RetrainMethod: unknown method 'hazard'; valid: logistic, trees, ")]
    [InlineData("Forecaster:Jobs:WorkerName", " ", "Forecaster:Jobs:WorkerName must not be empty")]
    [InlineData("Forecaster:Jobs:AccountFlows", "simulated", "Forecaster:Jobs:AccountFlows: expected CHAIN:POOL (e.g. ethereum:0x7d27... or simulated:agents), got 'simulated'")]
    [InlineData("Forecaster:Webhook:Url", "ftp://hooks.example/x", "Forecaster:Webhook:Url must be an absolute http(s) URL")]
    [InlineData("Forecaster:Webhook:Timeout", "00:10:00", "Forecaster:Webhook:Timeout must be in [00:00:01, 00:05:00]")]
    [InlineData("Forecaster:Webhook:Attempts", "-1", "Forecaster:Webhook:Attempts must be in [0, 20]")]
    [InlineData("Forecaster:Webhook:Attempts", "21", "Forecaster:Webhook:Attempts must be in [0, 20]")]
    public async Task Start_FailsNamingTheKeyAndWhatIsAllowed_WhenAValueIsOutOfRange(string key, string value, string expected)
    {
        using var temp = new TempDirectory("cfg");
        var settings = Settings(temp);
        settings[key] = value;
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartAsync(settings));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("Forecaster:Jobs:MorningCron", "61 6 * * *")]
    [InlineData("Forecaster:Jobs:IngestCron", "5 25 * * *")]
    public async Task Start_FailsNamingTheKey_WhenACronOfFiveFieldsIsNotValid(string key, string value)
    {
        using var temp = new TempDirectory("cfg");
        var settings = Settings(temp);
        settings[key] = value;
        var error = await Assert.ThrowsAsync<ForecasterException>(() => RunningService.StartAsync(settings));
        Assert.StartsWith($"{key} is not a valid cron expression", error.Message);
    }

    [Fact]
    public async Task Start_FailsNamingTheKey_WhenTheAccountFlowsPoolIsNotInTheStore()
    {
        using var temp = new TempDirectory("cfg");
        var settings = Settings(temp);
        settings["Forecaster:Jobs:AccountFlows"] = "simulated:agents";
        var error = await Assert.ThrowsAsync<ForecasterException>(() => RunningService.StartAsync(settings));
        Assert.StartsWith("Forecaster:Jobs:AccountFlows: the store holds no logs of simulated:agents", error.Message);
    }

    [Fact]
    public async Task Start_Succeeds_WithTheDefaults_AndLatestReportIsNotFoundBeforeAnyBrief()
    {
        using var temp = new TempDirectory("cfg");
        await using var service = await RunningService.StartAsync(Settings(temp));
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/reports/latest", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/reports/latest/..%2Fs.duckdb", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static Dictionary<string, string?> Settings(TempDirectory temp) => new()
    {
        ["Forecaster:Storage:StorePath"] = temp.File("s.duckdb"),
        ["Forecaster:Jobs:ReportsDirectory"] = temp.File("reports"),
    };
}
