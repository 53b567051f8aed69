using System.Diagnostics;

namespace Matchmaking.Benchmarks;

public sealed record LoadResult(string Name, int Concurrency, int Requests, int Errors, double Seconds, double P50Ms, double P99Ms)
{
    public double P95Ms { get; init; }

    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>Closed-loop load: <c>concurrency</c> workers each send the next request as soon as the last one answered.</summary>
public static class LoadRunner
{
    public static Task<LoadResult> RunAsync(string name, HttpClient http, string url, int concurrency, TimeSpan warmup, TimeSpan duration) =>
        RunAsync(name, http, [url], concurrency, warmup, duration);

    /// <summary>Each worker cycles through <paramref name="urls"/> from its own starting point, so a mix of queries is sent.</summary>
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, IReadOnlyList<string> urls, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        await DriveAsync(http, urls, concurrency, warmup, null);
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await DriveAsync(http, urls, concurrency, duration, (worker, ms, ok) =>
        {
            (latencies[worker] ??= []).Add(ms);
            if (!ok) Interlocked.Increment(ref errors);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, concurrency, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99)) { P95Ms = Percentile(all, 0.95) };
    }

    private static Task DriveAsync(HttpClient http, IReadOnlyList<string> urls, int concurrency, TimeSpan duration, Action<int, double, bool>? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = worker * 7; Stopwatch.GetTimestamp() < until; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(urls[i % urls.Count], HttpCompletionOption.ResponseContentRead);
                record?.Invoke(worker, Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.IsSuccessStatusCode);
            }
        })));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
