using Matchmaking.Catalogue.Model;
using Matchmaking.Contracts.Catalogue;

namespace Matchmaking.Catalogue.Search;

/// <summary>Builds what the index holds from a product event's snapshot; shared by the consumers and the rebuild.</summary>
public static class SearchDocuments
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <param name="snapshot">The product as the event carried it.</param>
    /// <param name="version">The product version the event announced.</param>
    /// <param name="takenAt">When the snapshot was taken (the event's OccurredAt): its badges were judged on that day.</param>
    /// <param name="indexedAt">Now.</param>
    public static SearchDocument From(ProductSnapshot snapshot, long version, DateTimeOffset takenAt, DateTimeOffset indexedAt)
    {
        var day = DateOnly.FromDateTime(takenAt.ToOffset(VietnamOffset).DateTime);
        var tiers = snapshot.PriceTiers.OrderBy(t => t.MinQuantity).ToList();
        return new SearchDocument
        {
            ProductId = snapshot.ProductId,
            Version = version,
            SupplierId = snapshot.SupplierId,
            SupplierName = snapshot.SupplierName,
            SupplierVerified = snapshot.SupplierVerified,
            NameVi = snapshot.NameVi,
            NameEn = snapshot.NameEn,
            DescriptionVi = snapshot.DescriptionVi,
            DescriptionEn = snapshot.DescriptionEn,
            Category = snapshot.Category,
            Unit = snapshot.Unit,
            MinUnitPriceVnd = tiers.Count == 0 ? 0 : tiers.Min(t => t.UnitPriceVnd),
            MaxUnitPriceVnd = tiers.Count == 0 ? 0 : tiers[0].UnitPriceVnd,
            MinimumOrderQuantity = snapshot.MinimumOrderQuantity,
            MonthlyCapacity = snapshot.MonthlyCapacity,
            LeadTimeDays = snapshot.LeadTimeDays,
            Packaging = snapshot.Packaging,
            CraftVillage = snapshot.Site.CraftVillage,
            Commune = snapshot.Site.Commune,
            District = snapshot.Site.District,
            Province = snapshot.Site.Province,
            Latitude = snapshot.Site.Latitude,
            Longitude = snapshot.Site.Longitude,
            ImageUrl = snapshot.ImageUrls.FirstOrDefault(),
            Certifications = [.. snapshot.Certifications.Select(c => new IndexedCertification(
                c.SchemeCode, c.Level, c.ValidFrom, c.ValidUntil, c.Status, c.VerificationState, CoversProduct(c, day)))],
            IndexedAt = indexedAt,
        };
    }

    /// <summary>
    /// Snapshots say whether the certificate's scope covers the product. Older ones carried only whether the badge held:
    /// then, when status and dates held on the snapshot's day but the badge did not, the product was out of scope.
    /// </summary>
    private static bool CoversProduct(CertificationSnapshot c, DateOnly day) =>
        c.CoversProduct ?? (c.ValidAtSnapshot || !(c.Status == "active" && c.ValidFrom <= day && (c.ValidUntil is null || day <= c.ValidUntil)));

    /// <summary>Category words both languages search by: the slug and its labels.</summary>
    public static string CategoryText(string slug) =>
        ProductCategories.All.FirstOrDefault(c => c.Slug == slug) is { } c ? $"{c.Slug.Replace('-', ' ')} {c.NameVi} {c.NameEn}" : slug;
}
