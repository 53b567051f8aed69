using System.Security.Cryptography;
using System.Text.Json;
using MassTransit;
using Matchmaking.ContractSigning.Data;
using Matchmaking.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>
/// The contracts service on its own database and virtual host, one per test class, with a master key of its own and a
/// "licensed provider" configured as a trust anchor (and another one that is not).
/// </summary>
public sealed class ContractsFactory() : ServiceFactory<Program>("contracts-db", "contracts-api")
{
    public static readonly JsonSerializerOptions Json = ServiceJson.Create();
    private EventPublisher? _publisher;

    public LicensedProvider Provider { get; } = LicensedProvider.Create();
    public LicensedProvider UntrustedProvider { get; } = LicensedProvider.Create("Unknown Signing CA");

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        builder.UseSetting("Signing:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Signing:TrustAnchorPems:0", Provider.RootPem);
        // The lifecycle job is run by hand on a fake clock; on its own schedule it would race the tests.
        builder.UseSetting("Signing:JobInterval", "1.00:00:00");
        // Tests publish events right after start; the consumers' queues must be bound by then.
        builder.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
        }));
    }

    /// <summary>The other services' events, published on this class's virtual host; one bus for the whole class.</summary>
    public async Task<EventPublisher> PublisherAsync() => _publisher ??= await EventPublisher.StartAsync(RabbitMqConnectionString);

    public async Task<T> WithDbAsync<T>(Func<ContractsDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContractsDbContext>());
    }

    public HttpClient ClientFor(Guid organisationId, string kind, string role, Guid userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(organisationId, kind, role, userId));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_publisher is not null) await _publisher.DisposeAsync();
        Provider.Dispose();
        UntrustedProvider.Dispose();
        await base.DisposeAsync();
    }
}
