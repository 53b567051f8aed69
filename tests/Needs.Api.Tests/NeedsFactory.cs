using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Matchmaking.Contracts.Identity;
using Matchmaking.Needs.Apis;
using Matchmaking.Needs.Data;
using Matchmaking.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Needs.Tests;

/// <summary>The needs service on its own database and virtual host; one per test class.</summary>
public sealed class NeedsFactory() : ServiceFactory<Program>("needs-db", "needs-api")
{
    public static readonly JsonSerializerOptions Json = ServiceJson.Create();

    protected override void ConfigureTestServices(IWebHostBuilder builder) =>
        // Tests publish identity and catalogue events right after start; the consumers' queues must be bound by then.
        builder.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
        }));

    /// <summary>A new retailer organisation with a display name, so its needs can be opened.</summary>
    public async Task<(Guid Id, HttpClient Client)> NewRetailerAsync(string displayName = "Siêu thị Xanh Long Biên", IReadOnlyList<string>? commitments = null)
    {
        var id = Guid.NewGuid();
        var client = CreateClientFor(id, OrganisationKinds.Retailer);
        var response = await client.PutAsJsonAsync("/api/needs/retailers/me",
            new UpdateRetailerRequest(displayName, "Chuỗi siêu thị xanh tại Hà Nội", commitments ?? ["no-single-use-plastic-bags"]), Json);
        response.EnsureSuccessStatusCode();
        return (id, client);
    }

    /// <summary>A new retailer with one store in Long Biên to deliver needs to.</summary>
    public async Task<(Guid Id, HttpClient Client, LocationResponse Store)> NewRetailerWithStoreAsync(string displayName = "Siêu thị Xanh Long Biên")
    {
        var (id, client) = await NewRetailerAsync(displayName);
        return (id, client, await client.CreateLocationAsync());
    }

    public HttpClient NewClient(string kind, out Guid organisationId, string role = Matchmaking.ServiceDefaults.OrganisationRoles.Owner)
    {
        organisationId = Guid.NewGuid();
        return CreateClientFor(organisationId, kind, role);
    }

    public async Task<T> WithDbAsync<T>(Func<NeedsDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<NeedsDbContext>());
    }
}
