using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Matchmaking.TestSupport;

/// <summary>
/// The real platform as separate processes (identity, catalogue, needs, matching, contracts, gateway) on free loopback ports, built dlls run with
/// `dotnet`, each with its own database on the given PostgreSQL server and one fresh RabbitMQ virtual host.
/// Used by the end-to-end tests and the benchmarks, so both exercise exactly what the start command runs.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly List<(string Name, Process Process, StringBuilder Log)> _processes = [];

    public required string GatewayUrl { get; init; }
    public required string RabbitMqUri { get; init; }
    public required IReadOnlyDictionary<string, string> ServiceUrls { get; init; }
    /// <summary>Each service's own database by service name, for benchmarks that bulk-load read models directly.</summary>
    public required IReadOnlyDictionary<string, string> Databases { get; init; }
    public string CatalogueDatabase => Databases["catalogue"];
    public const string ProgrammeOfficeEmail = "office@greenlink.test";
    public const string ProgrammeOfficePassword = "Office@12345";

    /// <summary>The services behind the gateway; each NAME reads ConnectionStrings:NAME-db and accepts tokens for NAME-api.</summary>
    private static readonly (string Name, string Folder, string Assembly)[] Services =
    [
        ("identity", "services/Identity", "Identity.Api"),
        ("catalogue", "services/Catalogue", "Catalogue.Api"),
        ("needs", "services/Needs", "Needs.Api"),
        ("matching", "services/Matching", "Matching.Api"),
        ("contracts", "services/Contracts", "Contracts.Api"),
    ];

    public static async Task<Platform> StartAsync(string postgresServer, string rabbitMqUri, IDictionary<string, string>? gatewaySettings = null)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var ports = Services.ToDictionary(s => s.Name, _ => FreePort());
        var gatewayPort = FreePort();
        var gatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__rabbitmq"] = rabbitMqUri,
            ["Identity__Url"] = $"http://127.0.0.1:{ports["identity"]}",
            ["Identity__Issuer"] = gatewayUrl + "/",
            ["Outbox__PollInterval"] = "00:00:00.500",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var platform = new Platform
        {
            Databases = Services.ToDictionary(s => s.Name, s => $"{postgresServer};Database={s.Name}_{suffix}"),
            GatewayUrl = gatewayUrl,
            RabbitMqUri = rabbitMqUri,
            ServiceUrls = Services.Select(s => (s.Name, Url: $"http://127.0.0.1:{ports[s.Name]}"))
                .Append((Name: "gateway", Url: gatewayUrl)).ToDictionary(p => p.Name, p => p.Url),
        };
        try
        {
            foreach (var (name, folder, assembly) in Services)
            {
                var settings = new Dictionary<string, string>
                {
                    [$"ConnectionStrings__{name}-db"] = platform.Databases[name],
                    ["Identity__Audience"] = $"{name}-api",
                };
                if (name == "identity")
                {
                    settings["Identity__PortalRedirectUris__0"] = gatewayUrl + "/signin-callback";
                    settings["Bootstrap__ProgrammeOffice__Email"] = ProgrammeOfficeEmail;
                    settings["Bootstrap__ProgrammeOffice__Password"] = ProgrammeOfficePassword;
                }
                // Each run gets its own master key: the keys the platform's CA holds are encrypted with it at rest.
                if (name == "contracts") settings["Signing__MasterKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                platform.Launch(name, Path.Combine(root, folder, "bin", configuration, "net10.0", assembly + ".dll"), ports[name], common, settings);
            }
            foreach (var (name, _, _) in Services) await platform.WaitReadyAsync(name, ports[name]);
            var gateway = new Dictionary<string, string> { ["Identity__Audience"] = "identity-api" };
            foreach (var (name, _, _) in Services)
                gateway[$"ReverseProxy__Clusters__{name}__Destinations__primary__Address"] = $"http://127.0.0.1:{ports[name]}/";
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
