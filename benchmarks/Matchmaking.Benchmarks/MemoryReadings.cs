namespace Matchmaking.Benchmarks;

public static class MemoryReadings
{
    /// <summary>Resident set size of each process in MiB, from /proc (Linux).</summary>
    public static IReadOnlyDictionary<string, double> Rss(IReadOnlyDictionary<string, int> processIds) =>
        processIds.ToDictionary(p => p.Key, p =>
        {
            var line = File.ReadLines($"/proc/{p.Value}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        });
}
