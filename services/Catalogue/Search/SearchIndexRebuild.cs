using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Search;

/// <summary>
/// <c>dotnet Catalogue.Api.dll rebuild-search-index</c>: migrate, clear the index, stream every published product from
/// the catalogue into it in batches, print the count and exit, without starting the web host, bus or jobs.
/// </summary>
public static class SearchIndexRebuild
{
    public const string Verb = "rebuild-search-index";
    private const int BatchSize = 500;

    /// <summary>Runs the rebuild when <paramref name="args"/> ask for it; false means start the service as usual.</summary>
    public static async Task<bool> TryRunSearchCommandAsync(this WebApplication app, string[] args)
    {
        if (!args.Contains(Verb)) return false;
        var count = await RebuildAsync(app.Services, app.Lifetime.ApplicationStopping);
        Console.WriteLine($"Search index rebuilt: {count} published products indexed.");
        return true;
    }

    /// <summary>
    /// A new index (a first start after an upgrade, a fresh Elasticsearch node) next to a catalogue that already has
    /// published products is filled from the catalogue before the service takes requests; events keep it current after.
    /// </summary>
    public static async Task FillIfEmptyAsync(CatalogueDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var index = services.GetRequiredService<IProductSearchIndex>();
        var today = services.GetRequiredService<TimeProvider>().Today();
        var probe = await index.SearchAsync(new ProductSearchQuery { Today = today, PageSize = 1 }, ct);
        if (probe.Total > 0 || !await db.Products.AnyAsync(p => p.Status == ProductStatus.Published, ct)) return;
        await RebuildAsync(services, ct);
    }

    public static async Task<int> RebuildAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var index = scope.ServiceProvider.GetRequiredService<IProductSearchIndex>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await db.Database.MigrateAsync(ct);
        await index.EnsureCreatedAsync(ct);
        await index.ClearAsync(ct);

        // Ids first (16 bytes each), then the products in batches whose suppliers, sites and certificates load in three queries.
        var ids = await db.Products.Where(p => p.Status == ProductStatus.Published).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var count = 0;
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var batch = await db.Products.AsNoTracking().Include(p => p.Claims)
                .Where(p => chunk.Contains(p.Id) && p.Status == ProductStatus.Published).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var documents = (await ProductViews.LoadAsync(db, batch, ct))
                .Where(v => v.Site is not null)
                .Select(v => SearchDocuments.From(v.ToSnapshot(clock.Today()), v.Product.Version, now, now)).ToList();
            await index.BulkUpsertAsync(documents, ct);
            count += documents.Count;
            db.ChangeTracker.Clear();
        }
        CatalogueLog.SearchIndexRebuilt(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SearchIndexRebuild)), count);
        return count;
    }
}
