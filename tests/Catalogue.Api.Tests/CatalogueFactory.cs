using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Matchmaking.Catalogue.Data;
using Matchmaking.Contracts.Identity;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Catalogue.Tests;

/// <summary>The catalogue on its own database and virtual host; one per test class.</summary>
public sealed class CatalogueFactory() : ServiceFactory<Program>("catalogue-db", "catalogue-api")
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    protected override void ConfigureTestServices(IWebHostBuilder builder) =>
        // Tests publish identity events right after start; the consumers' queues must be bound by then.
        builder.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
        }));

    /// <summary>A new supplier organisation with a display name, so its products can be published.</summary>
    public async Task<(Guid Id, HttpClient Client)> NewSupplierAsync(string displayName = "Gốm sứ Minh Long Bát Tràng")
    {
        var id = Guid.NewGuid();
        var client = CreateClientFor(id, OrganisationKinds.Supplier);
        var response = await client.PutAsJsonAsync("/api/catalogue/suppliers/me", new { displayName }, Json);
        response.EnsureSuccessStatusCode();
        return (id, client);
    }

    public HttpClient NewClient(string kind, out Guid organisationId)
    {
        organisationId = Guid.NewGuid();
        return CreateClientFor(organisationId, kind);
    }

    public async Task<T> WithDbAsync<T>(Func<CatalogueDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>());
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Matchmaking.ServiceDefaults.Extensions.ConfigureJson(options);
        return options;
    }
}

/// <summary>Stands in for the identity service: publishes its events on the test's virtual host.</summary>
public sealed class IdentityEvents : IAsyncDisposable
{
    private IBusControl _bus = null!;

    public static async Task<IdentityEvents> StartAsync(string amqpUri)
    {
        var broker = Messaging.BrokerAddress.Parse(amqpUri);
        var events = new IdentityEvents
        {
            _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h => { h.Username(broker.Username); h.Password(broker.Password); })),
        };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await events._bus.StartAsync(cts.Token);
        return events;
    }

    public Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        _bus.Publish(message, ctx => ctx.MessageId = messageId);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
