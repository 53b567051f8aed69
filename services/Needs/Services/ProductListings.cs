using Matchmaking.Contracts.Catalogue;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Model;

namespace Matchmaking.Needs.Services;

/// <summary>
/// Applies the catalogue's product events to the read model: order-safe by version, so a late, older event changes
/// nothing. Returns whether the event was applied. Call inside the consumer's unit of work, then SaveChanges.
/// </summary>
public static class ProductListings
{
    public static async Task<bool> ApplyAsync(NeedsDbContext db, ProductSnapshot product, long version, TimeProvider clock, CancellationToken ct)
    {
        var listing = await FindNewerThanAsync(db, product.ProductId, version, ct);
        if (listing is null) return false;
        listing.SupplierId = product.SupplierId;
        listing.SupplierName = product.SupplierName;
        listing.NameVi = product.NameVi;
        listing.Category = product.Category;
        listing.Unit = product.Unit;
        listing.Available = true;
        listing.Version = version;
        listing.UpdatedAt = clock.GetUtcNow();
        return true;
    }

    public static async Task<bool> WithdrawAsync(NeedsDbContext db, ProductWithdrawn message, TimeProvider clock, CancellationToken ct)
    {
        var listing = await FindNewerThanAsync(db, message.ProductId, message.Version, ct);
        if (listing is null) return false;
        listing.SupplierId = message.SupplierId;
        listing.Available = false;
        listing.Version = message.Version;
        listing.UpdatedAt = clock.GetUtcNow();
        return true;
    }

    /// <summary>The listing to write <paramref name="version"/> into (a new one if unseen), or null when it already holds that version or a later one.</summary>
    private static async Task<ProductListing?> FindNewerThanAsync(NeedsDbContext db, Guid productId, long version, CancellationToken ct)
    {
        var listing = await db.Products.FindAsync([productId], ct);
        if (listing is null)
        {
            listing = new ProductListing { Id = productId };
            db.Products.Add(listing);
            return listing;
        }
        return listing.Version >= version ? null : listing;
    }
}
