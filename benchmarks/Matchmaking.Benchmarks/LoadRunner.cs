using System.Diagnostics;

namespace Matchmaking.Benchmarks;

public sealed record LoadResult(string Name, int Concurrency, int Requests, int Errors, double Seconds, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>Closed-loop load: <c>concurrency</c> workers each send the next request as soon as the last one answered.</summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, string url, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        await DriveAsync(http, url, concurrency, warmup, null);
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await DriveAsync(http, url, concurrency, duration, (worker, ms, ok) =>
        {
            (latencies[worker] ??= []).Add(ms);
            if (!ok) Interlocked.Increment(ref errors);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, concurrency, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static Task DriveAsync(HttpClient http, string url, int concurrency, TimeSpan duration, Action<int, double, bool>? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                record?.Invoke(worker, Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.IsSuccessStatusCode);
            }
        })));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
