using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Catalogue.Search;
using Matchmaking.TestSupport;
using Npgsql;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Search at scale: bulk-loads synthetic products into the running catalogue's index, then sends a mix of query shapes
/// straight to the catalogue and through the gateway at concurrency 1 and 16, and times publish-to-searchable over real publishes.
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] TextQueries =
        ["gom su bat trang", "gốm sứ Bát Tràng", "túi phân hủy sinh học", "tui phan huy sinh hoc", "rattan basket", "may tre dan",
         "lụa tơ tằm vạn phúc", "son mai ha thai", "non la", "gom su bat trag"];
    private static readonly (string Q, string Category, string Scheme, string Packaging)[] Faceted =
        [("gom su", "ceramics", "OCOP", "plastic-free"), ("tui", "eco-packaging", "VN_GREEN_LABEL", "biodegradable"),
         ("gio may", "bamboo-rattan", "OCOP", "reusable"), ("lua", "silk", "OCOP", "plastic-free")];
    private static readonly string[] GeoCategories = ["ceramics", "eco-packaging", "bamboo-rattan", "processed-food"];
    private static readonly string[] Prefixes = ["bat tr", "gom s", "may t", "lua v", "tui ph", "non l"];

    public static async Task RunAsync(Platform platform, int products, TimeSpan roundLength, int publishes)
    {
        var c = CultureInfo.InvariantCulture;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var load = Stopwatch.StartNew();
        await using (var dataSource = NpgsqlDataSource.Create(platform.CatalogueDatabase))
        {
            var index = new Matchmaking.Catalogue.Search.Postgres.PostgresProductSearchIndex(dataSource);
            await index.EnsureCreatedAsync(CancellationToken.None);
            foreach (var batch in SyntheticCatalogue.Generate(products, today).Chunk(2_000))
                await index.BulkUpsertAsync(batch, CancellationToken.None);
            await using var analyze = dataSource.CreateCommand("ANALYZE");
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine(string.Format(c, "## Search over {0:N0} synthetic products (bulk load {1:0.0} s)", products, load.Elapsed.TotalSeconds));
        Console.WriteLine();

        var shapes = new (string Name, string[] Paths)[]
        {
            ("text only", [.. TextQueries.Select(q => $"/api/catalogue/search?q={Uri.EscapeDataString(q)}")]),
            ("text + 3 filters + facets", [.. Faceted.Select(f =>
                $"/api/catalogue/search?q={Uri.EscapeDataString(f.Q)}&category={f.Category}&scheme={f.Scheme}&packaging={f.Packaging}&facets=category,scheme,packaging,district,priceRange")]),
            ("geo sort (25 km of Long Biên)", [.. GeoCategories.Select(cat => $"/api/catalogue/search?category={cat}&lat=21.046&lon=105.888&withinKm=25&sort=distance")]),
            ("autocomplete", [.. Prefixes.Select(p => $"/api/catalogue/search/suggest?q={Uri.EscapeDataString(p)}&limit=8")]),
        };
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        Console.WriteLine("| query shape | concurrency | path | requests/s | p50 ms | p95 ms | p99 ms | errors |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        var p95 = new Dictionary<(string, int, string), double>();
        foreach (var concurrency in new[] { 1, 16 })
            foreach (var (name, paths) in shapes)
                foreach (var (target, baseUrl) in new[] { ("direct", platform.ServiceUrls["catalogue"]), ("gateway", platform.GatewayUrl) })
                {
                    var r = await LoadRunner.RunAsync(name, http, [.. paths.Select(p => baseUrl + p)], concurrency, TimeSpan.FromSeconds(1), roundLength);
                    p95[(name, concurrency, target)] = r.P95Ms;
                    Console.WriteLine(string.Format(c, "| {0} | {1} | {2} | {3:0} | {4:0.0} | {5:0.0} | {6:0.0} | {7} |",
                        name, concurrency, target, r.RequestsPerSecond, r.P50Ms, r.P95Ms, r.P99Ms, r.Errors));
                }
        Console.WriteLine();
        Console.WriteLine("| query shape | concurrency | gateway / direct p95 |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var concurrency in new[] { 1, 16 })
            foreach (var (name, _) in shapes)
                Console.WriteLine(string.Format(c, "| {0} | {1} | {2:0.00} |", name, concurrency, p95[(name, concurrency, "gateway")] / p95[(name, concurrency, "direct")]));
        Console.WriteLine();

        var latencies = await PublishToSearchableAsync(platform, publishes);
        Console.WriteLine(string.Format(c, "## Publish to searchable over {0} publishes (4 suppliers' workers in parallel)", latencies.Length));
        Console.WriteLine();
        Console.WriteLine("| p50 ms | p95 ms | max ms | not searchable within 30 s |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        var found = latencies.Where(l => !double.IsNaN(l)).Order().ToArray();
        Console.WriteLine(string.Format(c, "| {0:0} | {1:0} | {2:0} | {3} |",
            LoadRunner.Percentile(found, 0.5), LoadRunner.Percentile(found, 0.95), found.LastOrDefault(), latencies.Length - found.Length));
    }

    /// <summary>Time from the publish call's answer to the product's first appearance in search, polled every 20 ms.</summary>
    private static async Task<double[]> PublishToSearchableAsync(Platform platform, int publishes)
    {
        var gateway = new Uri(platform.GatewayUrl);
        var tokens = await OidcSignIn.SignInAsync(gateway, "owner@bao-bi-xanh.demo", Matchmaking.DemoData.DemoNetwork.Password,
            redirectUri: new Uri(gateway, "/signin-callback").ToString());
        using var supplier = new HttpClient { BaseAddress = gateway };
        supplier.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var search = new HttpClient { BaseAddress = new Uri(platform.ServiceUrls["catalogue"]) };
        var sites = await supplier.GetFromJsonAsync<JsonElement>("/api/catalogue/sites");
        var siteId = sites[0].GetProperty("id").GetGuid();

        var results = new double[publishes];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < publishes; i = Interlocked.Increment(ref next))
            {
                var token = "bm" + Guid.NewGuid().ToString("N")[..10];
                var created = await supplier.PostAsJsonAsync("/api/catalogue/products", new
                {
                    nameVi = $"Hộp bã mía {token}", descriptionVi = "Hộp đựng thực phẩm từ bã mía, phân hủy sinh học.", category = "eco-packaging",
                    unit = "chiếc", priceTiers = new[] { new { minQuantity = 1000, unitPriceVnd = 1_800 } }, minimumOrderQuantity = 1000,
                    monthlyCapacity = 200_000, leadTimeDays = 7, packaging = "biodegradable", siteId,
                });
                created.EnsureSuccessStatusCode();
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                (await supplier.PostAsync($"/api/catalogue/products/{id}/publish", null)).EnsureSuccessStatusCode();
                var published = Stopwatch.StartNew();
                results[i] = double.NaN;
                while (published.Elapsed < TimeSpan.FromSeconds(30))
                {
                    var page = await search.GetFromJsonAsync<JsonElement>($"/api/catalogue/search?q={token}&pageSize=1");
                    if (page.GetProperty("total").GetInt64() > 0) { results[i] = published.Elapsed.TotalMilliseconds; break; }
                    await Task.Delay(20);
                }
            }
        })));
        return results;
    }
}
