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
    public static readonly JsonSerializerOptions Json = ServiceJson.Create();

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
}
