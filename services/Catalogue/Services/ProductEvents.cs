using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Model;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Services;

/// <summary>
/// Queues product events in the outbox of the current unit of work; they leave only if SaveChanges commits.
/// Call after the change is applied in memory and before SaveChanges.
/// </summary>
public static class ProductEvents
{
    public static async Task PublishedAsync(CatalogueDbContext db, Product product, TimeProvider clock, CancellationToken ct)
    {
        var view = await ProductViews.LoadAsync(db, product, ct);
        db.PublishOnCommit(new ProductPublished { Product = view.ToSnapshot(clock.Today()), Version = product.Version, OccurredAt = clock.GetUtcNow() });
    }

    /// <summary>Announces the new state of those <paramref name="products"/> that are published; drafts are nobody else's business.</summary>
    public static async Task UpdatedAsync(CatalogueDbContext db, IReadOnlyCollection<Product> products, TimeProvider clock, CancellationToken ct)
    {
        var published = products.Where(p => p.IsPublished).ToList();
        if (published.Count == 0) return;
        var today = clock.Today();
        foreach (var view in await ProductViews.LoadAsync(db, published, ct))
            db.PublishOnCommit(new ProductUpdated { Product = view.ToSnapshot(today), Version = view.Product.Version, OccurredAt = clock.GetUtcNow() });
    }

    public static void Withdrawn(CatalogueDbContext db, Product product, TimeProvider clock) =>
        db.PublishOnCommit(new ProductWithdrawn { ProductId = product.Id, SupplierId = product.SupplierId, Version = product.Version, OccurredAt = clock.GetUtcNow() });

    /// <summary>
    /// Something a snapshot shows changed outside the products (a certificate, a site, the supplier):
    /// bump each published product's version and announce its fresh snapshot. Returns the published products touched.
    /// </summary>
    public static async Task<IReadOnlyList<Product>> RepublishAsync(CatalogueDbContext db, IQueryable<Product> affected, TimeProvider clock, CancellationToken ct)
    {
        var products = await affected.Where(p => p.Status == ProductStatus.Published).Include(p => p.Claims).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var product in products) product.Touch(now);
        await UpdatedAsync(db, products, clock, ct);
        return products;
    }

    public static IQueryable<Product> Claiming(this CatalogueDbContext db, Guid certificateId) =>
        db.Products.Where(p => p.Claims.Any(c => c.CertificateId == certificateId));
}
