using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Model;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Services;

/// <summary>
/// <c>dotnet Catalogue.Api.dll replay-published-products</c>: queues ProductUpdated for every published product at its
/// current version, for a consumer whose read model started after the products were announced (a new matching database).
/// Consumers already holding that version ignore it. The rows wait in the outbox for the running service's relay; the
/// command itself starts no web host, bus or job.
/// </summary>
public static class ProductReplay
{
    public const string Verb = "replay-published-products";
    private const int BatchSize = 500;

    /// <summary>Runs the replay when <paramref name="args"/> ask for it; false means start the service as usual.</summary>
    public static async Task<bool> TryRunReplayCommandAsync(this WebApplication app, string[] args)
    {
        if (!args.Contains(Verb)) return false;
        var count = await ReplayAsync(app.Services, app.Lifetime.ApplicationStopping);
        Console.WriteLine($"Queued ProductUpdated for {count} published products; the running catalogue sends them.");
        return true;
    }

    public static async Task<int> ReplayAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await db.Database.MigrateAsync(ct);

        var ids = await db.Products.Where(p => p.Status == ProductStatus.Published).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var batch = await db.Products.Include(p => p.Claims).Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
            await ProductEvents.UpdatedAsync(db, batch, clock, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return ids.Count;
    }
}
