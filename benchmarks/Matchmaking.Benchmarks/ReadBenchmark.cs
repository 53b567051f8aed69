using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.TestSupport;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Reading one published product straight from the catalogue service and through the gateway, in alternating rounds
/// of the same run, so the ratio holds even on a shared, noisy machine. Medians over rounds are reported.
/// </summary>
public static class ReadBenchmark
{
    private const int Rounds = 3;

    public static async Task RunAsync(Platform platform, TimeSpan roundLength, IReadOnlyDictionary<string, double> idleMemory)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var page = await http.GetFromJsonAsync<JsonElement>($"{platform.GatewayUrl}/api/catalogue/products?pageSize=1");
        var productId = page.GetProperty("items")[0].GetProperty("id").GetString();
        var path = $"/api/catalogue/products/{productId}";
        var targets = new[] { ("catalogue direct", platform.ServiceUrls["catalogue"] + path), ("through gateway", platform.GatewayUrl + path) };

        var results = new List<LoadResult>();
        foreach (var concurrency in new[] { 1, 16 })
            for (var round = 0; round < Rounds; round++)
                foreach (var (name, url) in targets)
                    results.Add(await LoadRunner.RunAsync(name, http, url, concurrency, TimeSpan.FromSeconds(1), roundLength));

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"## Reading a published product (GET {{id}}), {Rounds} alternating rounds of {roundLength.TotalSeconds:0} s, medians");
        Console.WriteLine();
        Console.WriteLine("| path | concurrency | requests/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var medians = new Dictionary<(string, int), (double Rps, double P50, double P99)>();
        foreach (var group in results.GroupBy(r => (r.Name, r.Concurrency)))
        {
            var m = (Median(group.Select(r => r.RequestsPerSecond)), Median(group.Select(r => r.P50Ms)), Median(group.Select(r => r.P99Ms)));
            medians[group.Key] = m;
            Console.WriteLine(string.Format(c, "| {0} | {1} | {2:0} | {3:0.00} | {4:0.00} | {5} |", group.Key.Name, group.Key.Concurrency, m.Item1, m.Item2, m.Item3, group.Sum(r => r.Errors)));
        }
        Console.WriteLine();
        Console.WriteLine("| concurrency | gateway / direct throughput | gateway / direct p50 | gateway / direct p99 |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var concurrency in new[] { 1, 16 })
        {
            var (d, g) = (medians[("catalogue direct", concurrency)], medians[("through gateway", concurrency)]);
            Console.WriteLine(string.Format(c, "| {0} | {1:0.00} | {2:0.00} | {3:0.00} |", concurrency, g.Rps / d.Rps, g.P50 / d.P50, g.P99 / d.P99));
        }
        Console.WriteLine();
        Console.WriteLine("## Idle memory (resident set, MiB, after start-up and the demo data, before load)");
        Console.WriteLine();
        Console.WriteLine("| service | RSS MiB |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (service, mib) in idleMemory) Console.WriteLine(string.Format(c, "| {0} | {1:0} |", service, mib));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
