using System.Diagnostics;
using System.Net;
using Forecaster.Host.Security;
using Forecaster.Host.Storage;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Testing;
using Hangfire;
using Npgsql;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>`forecaster serve` with every kind of secret configured: none may show in its logs, reports, stored errors or HTTP errors.</summary>
public sealed class SecretsTests(PostgresCluster cluster)
{
    private const string Password = "PgPw-7f3c9a1e2b", WebhookPath = "WhPath-91ab77c0", WebhookQuery = "WhQuery-5521cd0e", ApiKey = "ApiKey-0123456789-zz";

    [Fact]
    public async Task Secrets_NeverAppearInLogsReportsStoredErrorsOrResponses()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("secrets");
        // The webhook fails once, so a delivery error is logged and stored too.
        using var endpoint = new WebhookEndpoint($"hook/{WebhookPath}?token={WebhookQuery}", failFirst: 1);
        var connection = await cluster.CreateDatabaseAsync() + $";Password={Password}";
        var port = PostgresServiceTests.FreePort();
        var output = new List<string>();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp.Path };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "forecaster.dll"), "serve", "--storage", "postgres", "--urls", $"http://127.0.0.1:{port}" }) info.ArgumentList.Add(a);
        info.Environment["Forecaster__Storage__ConnectionString"] = connection;
        info.Environment["Forecaster__Webhook__Url"] = endpoint.Url;
        info.Environment["Forecaster__Service__ApiKey"] = ApiKey;
        info.Environment["Forecaster__Jobs__ReportsDirectory"] = temp.File("reports");
        info.Environment["Forecaster__Jobs__SimulatedMarkets"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Debug";
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var responses = new List<string>();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitHealthyAsync(http, process, output);
            foreach (var (path, key) in new[] { ("/api/markets", null), ("/api/markets", "wrong-key-0123456789"), ("/hangfire", null), ("/reports/latest", null), ("/api/markets/nope/forecast", ApiKey), ("/reports/latest", ApiKey), ("/api/reports/latest", ApiKey) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (key is not null) request.Headers.Add(ApiKeyCheck.HeaderName, key);
                using var response = await http.SendAsync(request, ct);
                Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
                responses.Add($"{response.StatusCode} {response.Headers} {response.Content.Headers} {await response.Content.ReadAsStringAsync(ct)}");
            }

            new BackgroundJobClient(WorkerProcessTests.Storage(connection)).Enqueue<StartMorningJob>(j => j.RunAsync(CancellationToken.None));
            await using var source = NpgsqlDataSource.Create(connection);
            await InMemoryPipelineTests.WaitForAsync(() => new PostgresStageLedger(source).GetLatestAsOfAsync(PipelineStages.Webhook, cancellationToken: ct), TimeSpan.FromSeconds(180));
            Assert.Equal(2, endpoint.Attempts);

            // Everything Hangfire stored about the jobs (states hold exception messages and details) and the ledger.
            await using (var command = source.CreateCommand("SELECT coalesce(string_agg(coalesce(reason, '') || coalesce(data::text, ''), '\n'), '') FROM hangfire.state"))
                responses.Add((string)(await command.ExecuteScalarAsync(ct))!);
            await using (var command = source.CreateCommand("SELECT coalesce(string_agg(payload, '\n'), '') FROM forecaster_stage_results"))
                responses.Add((string)(await command.ExecuteScalarAsync(ct))!);
            Assert.Contains(responses, r => r.Contains("answered 500"));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }

        var reports = Directory.EnumerateFiles(temp.File("reports"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)).ToList();
        Assert.Contains(reports, f => f.EndsWith("brief.html", StringComparison.Ordinal));
        string logs;
        lock (output) logs = string.Join('\n', output);
        Assert.Contains("credentials hidden", logs);
        foreach (var secret in new[] { Password, WebhookPath, WebhookQuery, ApiKey })
        {
            Assert.False(logs.Contains(secret, StringComparison.Ordinal), $"log output holds secret {secret}");
            Assert.All(responses, r => Assert.False(r.Contains(secret, StringComparison.Ordinal), $"a response or stored error holds secret {secret}"));
            foreach (var file in reports)
                Assert.False((await File.ReadAllTextAsync(file, ct)).Contains(secret, StringComparison.Ordinal), $"{file} holds secret {secret}");
        }
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process process, List<string> output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) break;
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
            await Task.Delay(300);
        }
        lock (output) throw new TimeoutException("serve did not become healthy:\n" + string.Join('\n', output.TakeLast(30)));
    }
}
