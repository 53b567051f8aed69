using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Model;
using Matchmaking.Contracts.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Services;

/// <summary>A product with what its responses and snapshots show beside it.</summary>
public sealed record ProductView(Product Product, SupplierProfile? Supplier, ProductionSite? Site, IReadOnlyList<Certificate> Certificates)
{
    public IEnumerable<(Certificate Certificate, Badge Badge)> Badges(DateOnly today) =>
        Certificates.Select(c => (c, Model.Badges.Evaluate(c, Product, today)));
}

public static class ProductViews
{
    /// <summary>
    /// Loads suppliers, sites and claimed certificates for a batch of products in three queries. Entities added or
    /// changed in this unit of work but not saved yet are taken from the change tracker, so snapshots see them.
    /// </summary>
    public static async Task<IReadOnlyList<ProductView>> LoadAsync(CatalogueDbContext db, IReadOnlyCollection<Product> products, CancellationToken ct)
    {
        var suppliers = await FindAsync(db.Suppliers, s => s.Id, products.Select(p => p.SupplierId), ct);
        var sites = await FindAsync(db.Sites, s => s.Id, products.Where(p => p.SiteId is not null).Select(p => p.SiteId!.Value), ct);
        var certificates = await FindAsync(db.Certificates, c => c.Id, products.SelectMany(p => p.Claims.Select(c => c.CertificateId)), ct);
        return products.Select(p => new ProductView(
            p,
            suppliers.GetValueOrDefault(p.SupplierId),
            p.SiteId is { } siteId ? sites.GetValueOrDefault(siteId) : null,
            p.Claims.Select(c => certificates.GetValueOrDefault(c.CertificateId)).OfType<Certificate>()
                .OrderBy(c => c.SchemeCode, StringComparer.Ordinal).ThenBy(c => c.Id).ToList())).ToList();
    }

    public static async Task<ProductView> LoadAsync(CatalogueDbContext db, Product product, CancellationToken ct) =>
        (await LoadAsync(db, [product], ct))[0];

    private static async Task<Dictionary<Guid, T>> FindAsync<T>(DbSet<T> set, Func<T, Guid> key, IEnumerable<Guid> wanted, CancellationToken ct)
        where T : class
    {
        var ids = wanted.ToHashSet();
        if (ids.Count == 0) return [];
        var found = await set.Where(e => ids.Contains(EF.Property<Guid>(e, "Id"))).ToDictionaryAsync(key, ct);
        foreach (var local in set.Local.Where(e => ids.Contains(key(e)))) found.TryAdd(key(local), local);
        return found;
    }

    /// <summary>The event snapshot: everything a search index or matcher needs, so nobody calls back.</summary>
    public static ProductSnapshot ToSnapshot(this ProductView view, DateOnly today)
    {
        var (p, site) = (view.Product, view.Site ?? throw new InvalidOperationException($"Product {view.Product.Id} has no site to snapshot"));
        return new ProductSnapshot
        {
            ProductId = p.Id,
            SupplierId = p.SupplierId,
            SupplierName = view.Supplier?.PublicName ?? "",
            SupplierVerified = view.Supplier?.Verified ?? false,
            NameVi = p.NameVi,
            NameEn = p.NameEn,
            DescriptionVi = p.DescriptionVi,
            DescriptionEn = p.DescriptionEn,
            Category = p.Category,
            Unit = p.Unit,
            PriceTiers = [.. p.PriceTiers.Select(t => new PriceTierSnapshot(t.MinQuantity, t.UnitPriceVnd))],
            MinimumOrderQuantity = p.MinimumOrderQuantity,
            MonthlyCapacity = p.MonthlyCapacity,
            LeadTimeDays = p.LeadTimeDays,
            Packaging = Kebab.Of(p.Packaging),
            TraceabilityCode = p.TraceabilityCode,
            ImageUrls = [.. p.ImageUrls],
            Site = new SiteSnapshot
            {
                SiteId = site.Id, Name = site.Name, CraftVillage = site.CraftVillage, Commune = site.Commune,
                District = site.District, Province = site.Province, Latitude = site.Latitude, Longitude = site.Longitude,
            },
            Certifications = [.. view.Badges(today).Select(b => new CertificationSnapshot
            {
                CertificateId = b.Certificate.Id,
                SchemeCode = b.Certificate.SchemeCode,
                Number = b.Certificate.Number,
                Issuer = b.Certificate.Issuer,
                Level = b.Certificate.Level,
                ValidFrom = b.Certificate.ValidFrom,
                ValidUntil = b.Certificate.ValidUntil,
                Status = Kebab.Of(b.Certificate.Status),
                VerificationState = Kebab.Of(b.Certificate.Verification),
                ValidAtSnapshot = b.Badge.Valid,
                CoversProduct = b.Certificate.Covers(view.Product),
            })],
        };
    }
}

/// <summary>Enum values as the JSON API spells them (plastic-free, self-declared), for string fields in contracts.</summary>
public static class Kebab
{
    public static string Of<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
