using Matchmaking.Benchmarks;
using Matchmaking.TestSupport;

// Usage: Matchmaking.Benchmarks [seconds-per-round] — run by scripts/bench.sh, which provides PostgreSQL and RabbitMQ.
var seconds = args.Length > 0 && int.TryParse(args[0], out var s) ? s : 5;
var vhost = await TestInfrastructure.NewVirtualHostAsync();
await using var platform = await Platform.StartAsync(TestInfrastructure.PostgresServer, vhost,
    new Dictionary<string, string> { ["Gateway__RateLimitPermits"] = "1000000" }); // the limiter would cap the load itself

Console.Error.WriteLine("Loading the demo network...");
await new Matchmaking.DemoData.DemoLoader(new Uri(platform.GatewayUrl), Platform.ProgrammeOfficeEmail, Platform.ProgrammeOfficePassword).LoadAsync();
await Task.Delay(TimeSpan.FromSeconds(5)); // settle: outbox drained, JIT done for start-up paths
var idle = MemoryReadings.Rss(platform.ProcessIds);

await ReadBenchmark.RunAsync(platform, TimeSpan.FromSeconds(seconds), idle);
