using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Matchmaking.TestSupport;

/// <summary>
/// The real platform as separate processes (identity, catalogue, gateway) on free loopback ports, built dlls run with
/// `dotnet`, each with its own database on the given PostgreSQL server and one fresh RabbitMQ virtual host.
/// Used by the end-to-end tests and the benchmarks, so both exercise exactly what the start command runs.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly List<(string Name, Process Process, StringBuilder Log)> _processes = [];

    public required string GatewayUrl { get; init; }
    public required string RabbitMqUri { get; init; }
    public required IReadOnlyDictionary<string, string> ServiceUrls { get; init; }
    /// <summary>The catalogue's own database, for benchmarks that bulk-load its search index directly.</summary>
    public required string CatalogueDatabase { get; init; }
    public const string ProgrammeOfficeEmail = "office@greenlink.test";
    public const string ProgrammeOfficePassword = "Office@12345";

    public static async Task<Platform> StartAsync(string postgresServer, string rabbitMqUri, IDictionary<string, string>? gatewaySettings = null)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        int identityPort = FreePort(), cataloguePort = FreePort(), gatewayPort = FreePort();
        var gatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__rabbitmq"] = rabbitMqUri,
            ["Identity__Url"] = $"http://127.0.0.1:{identityPort}",
            ["Identity__Issuer"] = gatewayUrl + "/",
            ["Outbox__PollInterval"] = "00:00:00.500",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var catalogueDatabase = $"{postgresServer};Database=catalogue_{suffix}";
        var platform = new Platform
        {
            CatalogueDatabase = catalogueDatabase,
            GatewayUrl = gatewayUrl,
            RabbitMqUri = rabbitMqUri,
            ServiceUrls = new Dictionary<string, string>
            {
                ["identity"] = $"http://127.0.0.1:{identityPort}",
                ["catalogue"] = $"http://127.0.0.1:{cataloguePort}",
                ["gateway"] = gatewayUrl,
            },
        };
        try
        {
            platform.Launch("identity", Path.Combine(root, "services/Identity/bin", configuration, "net10.0/Identity.Api.dll"), identityPort, common, new()
            {
                ["ConnectionStrings__identity-db"] = $"{postgresServer};Database=identity_{suffix}",
                ["Identity__Audience"] = "identity-api",
                ["Identity__PortalRedirectUris__0"] = gatewayUrl + "/signin-callback",
                ["Bootstrap__ProgrammeOffice__Email"] = ProgrammeOfficeEmail,
                ["Bootstrap__ProgrammeOffice__Password"] = ProgrammeOfficePassword,
            });
            platform.Launch("catalogue", Path.Combine(root, "services/Catalogue/bin", configuration, "net10.0/Catalogue.Api.dll"), cataloguePort, common, new()
            {
                ["ConnectionStrings__catalogue-db"] = catalogueDatabase,
                ["Identity__Audience"] = "catalogue-api",
            });
            await platform.WaitReadyAsync("identity", identityPort);
            await platform.WaitReadyAsync("catalogue", cataloguePort);
            var gateway = new Dictionary<string, string>
            {
                ["Identity__Audience"] = "identity-api",
                ["ReverseProxy__Clusters__identity__Destinations__primary__Address"] = $"http://127.0.0.1:{identityPort}/",
                ["ReverseProxy__Clusters__catalogue__Destinations__primary__Address"] = $"http://127.0.0.1:{cataloguePort}/",
            };
            foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string>()) gateway[key] = value;
            platform.Launch("gateway", Path.Combine(root, "gateway/bin", configuration, "net10.0/Matchmaking.Gateway.dll"), gatewayPort, common, gateway);
            await platform.WaitReadyAsync("gateway", gatewayPort);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private void Launch(string name, string dll, int port, Dictionary<string, string> common, Dictionary<string, string> settings)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{name} is not built: {dll}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in common.Concat(settings)) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add((name, process, log));
    }

    private async Task WaitReadyAsync(string name, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var (_, process, log) = _processes.Single(p => p.Name == name);
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with {process.ExitCode}:\n{Tail(log)}");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{name} was not ready within 90 s:\n{Tail(_processes.Single(p => p.Name == name).Log)}");
    }

    /// <summary>Operating-system process id of each running service, for memory readings.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds => _processes.ToDictionary(p => p.Name, p => p.Process.Id);

    /// <summary>What a service printed, for a failing test's message.</summary>
    public string LogOf(string name) => Tail(_processes.Single(p => p.Name == name).Log);

    private static string Tail(StringBuilder log)
    {
        lock (log) return log.Length <= 6000 ? log.ToString() : log.ToString(log.Length - 6000, 6000);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Matchmaking.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Matchmaking.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process, _) in Enumerable.Reverse(_processes))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}
