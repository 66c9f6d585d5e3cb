using System.Net;
using Forecaster.Host.Security;
using Forecaster.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Forecaster.Host.Tests;

public class ApiKeyTests
{
    private const string Key = "test-key-0123456789abcdef";

    [Theory]
    [InlineData("/api/markets")]
    [InlineData("/api/reports/latest")]
    [InlineData("/hangfire")]
    [InlineData("/reports/2025-01-01/brief.md")]
    public async Task Request_IsRefused_WhenBoundOffLoopbackWithoutTheKey(string path)
    {
        using var temp = new TempDirectory("svc");
        await using var service = await RunningService.StartAsync(Settings(temp));
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);

        http.DefaultRequestHeaders.Add(ApiKeyCheck.HeaderName, "wrong-key-0123456789abcdef");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Request_IsServed_WhenBoundOffLoopbackWithTheKey()
    {
        using var temp = new TempDirectory("svc");
        await using var service = await RunningService.StartAsync(Settings(temp));
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        http.DefaultRequestHeaders.Add(ApiKeyCheck.HeaderName, Key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/markets", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/hangfire", TestContext.Current.CancellationToken)).StatusCode);
        using var open = new HttpClient { BaseAddress = service.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await open.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Start_FailsNamingTheKey_WhenBoundOffLoopbackWithoutAKey()
    {
        using var temp = new TempDirectory("svc");
        var settings = Settings(temp);
        settings.Remove("Forecaster:Service:ApiKey");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartAsync(settings));
        Assert.Contains("Forecaster:Service:ApiKey is required", error.Message);
    }

    private static Dictionary<string, string?> Settings(TempDirectory temp) => new()
    {
        ["Forecaster:Service:Urls"] = "http://0.0.0.0:0",
        ["Forecaster:Service:ApiKey"] = Key,
        ["Forecaster:Storage:StorePath"] = temp.File("s.duckdb"),
        ["Forecaster:Jobs:ReportsDirectory"] = temp.File("reports"),
    };
}
