using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Contracts.Matching;
using Matchmaking.DemoData;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.ReadModels;
using Matchmaking.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Matching at scale: one need against every product and one product against every open need, timed in process through
/// the service's own engine on the running platform's matching database; then NeedPosted to MatchesFound end to end,
/// a need opened through the gateway and the MatchesFound seen on RabbitMQ.
/// </summary>
public static class MatchingBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(Platform platform, int products, int needs, int samples)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        using var host = EngineHost(platform);

        Console.Error.WriteLine($"Seeding the matching read model: {products:N0} products, {needs:N0} open needs...");
        var catalogue = SyntheticCatalogue.Generate(products, today).Select(d => (SyntheticNeeds.ToSnapshot(d), 1L)).ToList();
        var demand = SyntheticNeeds.Generate(needs, today).Select(n => (n, 1L)).ToList();
        var seed = Stopwatch.StartNew();
        await InScopeAsync(host, async sp =>
        {
            var writer = sp.GetRequiredService<ReadModelWriter>();
            await writer.UpsertProductsAsync(catalogue, default);
            await writer.UpsertNeedsAsync(demand, default);
        });
        await using (var dataSource = NpgsqlDataSource.Create(platform.Databases["matching"]))
        await using (var analyze = dataSource.CreateCommand("ANALYZE"))
            await analyze.ExecuteNonQueryAsync();
        Console.Error.WriteLine($"Seeded in {seed.Elapsed.TotalSeconds:F0} s");

        var random = new Random(7);
        var needSample = Enumerable.Range(0, samples + 5).Select(_ => demand[random.Next(demand.Count)].Item1.NeedId).ToList();
        var productSample = Enumerable.Range(0, samples + 5).Select(_ => catalogue[random.Next(catalogue.Count)].Item1.ProductId).ToList();
        var needRuns = await TimeAsync(host, needSample, (engine, id) => engine.MatchNeedAsync(id, default));
        var productRuns = await TimeAsync(host, productSample, (engine, id) => engine.MatchProductAsync(id, default));
        var endToEnd = await EndToEndAsync(platform, samples);

        Console.WriteLine($"""

            ### Matching: {products:N0} products, {needs:N0} open needs (in-process engine, {samples} samples each after 5 warm-up)

            | computation | p50 ms | p95 ms | max ms | candidates (median) | qualified (median) |
            | --- | ---: | ---: | ---: | ---: | ---: |
            {Row("one need against every product", needRuns)}
            {Row("one product against every open need", productRuns)}

            ### NeedPosted to MatchesFound, end to end ({endToEnd.Length} needs opened through the gateway)

            | p50 ms | p95 ms | max ms |
            | ---: | ---: | ---: |
            | {P(endToEnd, 0.5):F0} | {P(endToEnd, 0.95):F0} | {endToEnd.Max():F0} |
            """);
    }

    private static string Row(string name, (double Ms, MatchRun Run)[] runs)
    {
        var ms = runs.Select(r => r.Ms).Order().ToArray();
        var candidates = runs.Select(r => (double)r.Run.Candidates).Order().ToArray();
        var qualified = runs.Select(r => (double)r.Run.Qualified).Order().ToArray();
        return $"| {name} | {P(ms, 0.5):F1} | {P(ms, 0.95):F1} | {ms.Max():F1} | {P(candidates, 0.5):F0} | {P(qualified, 0.5):F0} |";
    }

    private static double P(double[] values, double p) => LoadRunner.Percentile([.. values.Order()], p);

    /// <summary>Wall time of each call including its transaction and the set-based write of the matches; the first 5 warm up.</summary>
    private static async Task<(double Ms, MatchRun Run)[]> TimeAsync(IHost host, List<Guid> ids, Func<MatchEngine, Guid, Task<MatchRun>> run)
    {
        var results = new List<(double, MatchRun)>();
        foreach (var id in ids)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<MatchEngine>();
            var started = Stopwatch.GetTimestamp();
            var outcome = await run(engine, id);
            results.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome));
        }
        return [.. results.Skip(5)];
    }

    /// <summary>
    /// The demo retailer opens needs through the gateway; each is timed from the open call (which commits NeedPosted) to
    /// its MatchesFound arriving on RabbitMQ: needs outbox, broker, matching's consumer and engine, matching outbox, broker.
    /// </summary>
    private static async Task<double[]> EndToEndAsync(Platform platform, int samples)
    {
        await using var found = await EventListener<MatchesFound>.StartAsync(platform.RabbitMqUri);
        var gateway = new Uri(platform.GatewayUrl);
        var tokens = await OidcSignIn.SignInAsync(gateway, DemoNetwork.Retailer.Email, DemoNetwork.Password, redirectUri: new Uri(gateway, "/signin-callback").ToString());
        using var retailer = new HttpClient { BaseAddress = gateway };
        retailer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var locations = await retailer.GetFromJsonAsync<JsonElement>("/api/needs/retailers/me/locations", Json);
        var store = locations.EnumerateArray().First().GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        string[] categories = ["ceramics", "bamboo-rattan", "eco-packaging", "household-goods", "wood-products"];

        var latencies = new List<double>();
        for (var i = 0; i < samples + 3; i++)
        {
            var created = await retailer.PostAsJsonAsync("/api/needs", new
            {
                title = $"Nguồn hàng thủ công cho cửa hàng Long Biên, đợt {i + 1}", category = categories[i % categories.Length],
                keywords = new[] { "thủ công", "tre", "gốm" }, quantityPerMonth = 500, unit = "chiếc", deliveryLocationId = store, maxDistanceKm = 60,
                neededFrom = today.AddDays(30), validUntil = today.AddDays(200),
            }, Json);
            created.EnsureSuccessStatusCode();
            var needId = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
            var started = Stopwatch.GetTimestamp();
            (await retailer.PostAsync($"/api/needs/{needId}/open", null)).EnsureSuccessStatusCode();
            await found.WaitForAsync(m => m.NeedId == needId, TimeSpan.FromSeconds(30));
            if (i >= 3) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return [.. latencies];
    }

    /// <summary>The matching service's own registrations over the platform's matching database, not started: only the engine is used.</summary>
    private static IHost EngineHost(Platform platform)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:matching-db"] = platform.Databases["matching"],
            ["ConnectionStrings:rabbitmq"] = platform.RabbitMqUri,
            ["Identity:Url"] = platform.ServiceUrls["identity"],
            ["Identity:Audience"] = "matching-api",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        Matchmaking.Matching.Extensions.Extensions.AddApplicationServices(builder);
        return builder.Build();
    }

    private static async Task InScopeAsync(IHost host, Func<IServiceProvider, Task> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
