using System.Text.Json;
using MassTransit;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.ReadModels;
using Matchmaking.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Matching.Tests;

/// <summary>The matching service on its own database and virtual host; one per test class.</summary>
public sealed class MatchingFactory() : ServiceFactory<Program>("matching-db", "matching-api")
{
    public static readonly JsonSerializerOptions Json = ServiceJson.Create();

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        // The jobs are run by hand on a fake clock; on their own schedule they would race the tests.
        builder.UseSetting("Matching:RevalidateOnStart", "false");
        builder.UseSetting("Partnerships:ExpiryCheckInterval", "1.00:00:00");
        // Tests publish events right after start; the consumers' queues must be bound by then.
        builder.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
        }));
    }

    public HttpClient NewClient(string kind, out Guid organisationId)
    {
        organisationId = Guid.NewGuid();
        return CreateClientFor(organisationId, kind);
    }

    public async Task<T> WithDbAsync<T>(Func<MatchingDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MatchingDbContext>());
    }

    /// <summary>Runs <paramref name="action"/> with services from a fresh scope, as the benchmark calls the engine.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Seeds the read models directly (no bus) and matches the need, returning the computation.</summary>
    public Task<MatchRun> SeedAndMatchNeedAsync(NeedSnapshot need, params ProductSnapshot[] products) => InScopeAsync(async sp =>
    {
        var writer = sp.GetRequiredService<ReadModelWriter>();
        await writer.UpsertProductsAsync([.. products.Select(p => (p, 1L))], default);
        await writer.UpsertNeedAsync(need, 1, default);
        return await sp.GetRequiredService<MatchEngine>().MatchNeedAsync(need.NeedId, default);
    });
}
