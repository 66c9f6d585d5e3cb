using System.Text.Json.Nodes;
using Forecaster.Host.Options;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Forecaster.Host.Api;

/// <summary>The JSON API: markets, the latest forecast per market, recommendations, the latest report, health.</summary>
public static class ForecasterApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapForecasterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/markets", MarketsAsync);
        api.MapGet("/markets/{market}/forecast", ForecastAsync);
        api.MapGet("/recommendations", RecommendationsAsync);
        api.MapGet("/reports/latest", LatestReportAsync);
        app.MapGet("/health", HealthAsync);
        return app;
    }

    private static async Task<Ok<JsonArray>> MarketsAsync(IMarketStore store, IStageLedger ledger, CancellationToken ct)
    {
        var counts = await store.CountHoursAsync(ct);
        var asOf = await ledger.GetLatestAsOfAsync(PipelineStages.Forecast, cancellationToken: ct);
        var forecasts = asOf is { } t ? (await ledger.ListAsync(PipelineStages.Forecast, t, ct)).ToDictionary(r => r.Key) : [];
        var result = new JsonArray();
        foreach (var m in await store.GetMarketsAsync(ct))
        {
            result.Add(new JsonObject
            {
                ["name"] = m.Name, ["protocol"] = m.Protocol, ["chain"] = m.Chain, ["asset"] = m.Asset, ["simulated"] = m.IsSimulated,
                ["hours"] = counts.GetValueOrDefault(m.Name),
                ["status"] = forecasts.TryGetValue(m.Name, out var f) ? JsonNode.Parse(f.Payload)?["status"]?.DeepClone() : null,
                ["forecastAsOf"] = forecasts.ContainsKey(m.Name) ? asOf : null,
            });
        }
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<JsonNode>, ProblemHttpResult>> ForecastAsync(string market, IMarketStore store, IStageLedger ledger, CancellationToken ct)
    {
        if ((await store.GetMarketsAsync(ct)).All(m => m.Name != market))
            return TypedResults.Problem(statusCode: 404, title: "Unknown market", detail: $"No market named '{market}' in the store.");
        var asOf = await ledger.GetLatestAsOfAsync(PipelineStages.Forecast, market, ct);
        if (asOf is null || await ledger.GetAsync(PipelineStages.Forecast, market, asOf.Value, ct) is not { } record)
            return TypedResults.Problem(statusCode: 404, title: "No forecast yet", detail: $"The morning pipeline has not forecast '{market}' yet.");
        return TypedResults.Ok(JsonNode.Parse(record.Payload)!);
    }

    private static async Task<Ok<JsonObject>> RecommendationsAsync(IStageLedger ledger, CancellationToken ct)
    {
        var asOf = await ledger.GetLatestAsOfAsync(PipelineStages.Recommend, cancellationToken: ct);
        var items = new JsonArray();
        if (asOf is { } t)
            foreach (var r in await ledger.ListAsync(PipelineStages.Recommend, t, ct)) items.Add(JsonNode.Parse(r.Payload));
        return TypedResults.Ok(new JsonObject { ["asOf"] = asOf, ["recommendations"] = items });
    }

    private static async Task<Results<Ok<JsonNode>, ProblemHttpResult>> LatestReportAsync(IStageLedger ledger, CancellationToken ct)
    {
        var asOf = await ledger.GetLatestAsOfAsync(PipelineStages.Publish, cancellationToken: ct);
        if (asOf is null || await ledger.GetAsync(PipelineStages.Publish, "brief", asOf.Value, ct) is not { } record)
            return TypedResults.Problem(statusCode: 404, title: "No report yet", detail: "The morning pipeline has not published a brief yet.");
        var node = JsonNode.Parse(record.Payload)!;
        node["markdownUrl"] = $"/reports/{node["markdown"]}";
        node["jsonUrl"] = $"/reports/{node["json"]}";
        node["publishedAt"] = record.CompletedAt;
        return TypedResults.Ok(node);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> HealthAsync(IMarketStore store, StorageOptions storage, JobStorage jobs, CancellationToken ct)
    {
        try
        {
            var latest = await store.GetLatestHourAsync(ct);
            var servers = jobs.GetMonitoringApi().Servers().Count;
            return TypedResults.Ok(new JsonObject { ["status"] = "ok", ["storage"] = storage.Kind.ToString().ToLowerInvariant(), ["latestHour"] = latest, ["hangfireServers"] = servers });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception text may hold server details; the type is enough to tell what failed.
            return TypedResults.Problem(statusCode: 503, title: "Unhealthy", detail: $"storage check failed: {e.GetType().Name}");
        }
    }
}
