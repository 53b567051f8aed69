using Matchmaking.TestSupport;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Usage: Matchmaking.Benchmarks [read|search|matching|contracts|all] [seconds-per-round] [products] [publishes] [open-needs] [match-samples].
/// Run by scripts/bench.sh, which provides throwaway PostgreSQL and RabbitMQ.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.ElementAtOrDefault(0) ?? "all";
        var seconds = int.TryParse(args.ElementAtOrDefault(1), out var s) ? s : 5;
        var products = int.TryParse(args.ElementAtOrDefault(2), out var p) ? p : 100_000;
        var publishes = int.TryParse(args.ElementAtOrDefault(3), out var n) ? n : 1_000;
        var openNeeds = int.TryParse(args.ElementAtOrDefault(4), out var o) ? o : 10_000;
        var samples = int.TryParse(args.ElementAtOrDefault(5), out var m) ? m : 50;

        var vhost = await TestInfrastructure.NewVirtualHostAsync();
        await using var platform = await Platform.StartAsync(TestInfrastructure.PostgresServer, vhost,
            new Dictionary<string, string> { ["Gateway__RateLimitPermits"] = "1000000" }); // the limiter would cap the load itself

        Console.Error.WriteLine("Loading the demo network...");
        await new Matchmaking.DemoData.DemoLoader(new Uri(platform.GatewayUrl), Platform.ProgrammeOfficeEmail, Platform.ProgrammeOfficePassword).LoadAsync();
        await Task.Delay(TimeSpan.FromSeconds(5)); // settle: outbox drained, JIT done for start-up paths
        var idle = MemoryReadings.Rss(platform.ProcessIds);

        if (mode is "read" or "all") await ReadBenchmark.RunAsync(platform, TimeSpan.FromSeconds(seconds), idle);
        if (mode is "search" or "all") await SearchBenchmark.RunAsync(platform, products, TimeSpan.FromSeconds(seconds), publishes);
        if (mode is "matching" or "all") await MatchingBenchmark.RunAsync(platform, products, openNeeds, samples);
        if (mode is "contracts" or "all") await ContractsBenchmark.RunAsync(platform, samples);
        return 0;
    }
}
