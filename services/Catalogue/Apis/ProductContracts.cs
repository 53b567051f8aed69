using System.ComponentModel.DataAnnotations;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;

namespace Matchmaking.Catalogue.Apis;

public sealed record PriceTierRequest(
    [Required, Range(1, long.MaxValue)] long? MinQuantity,
    [Required, Range(1, long.MaxValue)] long? UnitPriceVnd);

/// <summary>A product as the supplier writes it; used for both create and edit. Names and descriptions keep their diacritics.</summary>
public sealed record ProductRequest(
    [Required, StringLength(200, MinimumLength = 1)] string? NameVi,
    [StringLength(200)] string? NameEn,
    [Required, StringLength(5000, MinimumLength = 1)] string? DescriptionVi,
    [StringLength(5000)] string? DescriptionEn,
    [Required] string? Category,
    [Required, StringLength(32, MinimumLength = 1)] string? Unit,
    [Required, MaxLength(10)] IReadOnlyList<PriceTierRequest>? PriceTiers,
    [Required, Range(1, long.MaxValue)] long? MinimumOrderQuantity,
    [Required, Range(1, long.MaxValue)] long? MonthlyCapacity,
    [Required, Range(0, 365)] int? LeadTimeDays,
    [Required] Packaging? Packaging,
    [StringLength(64)] string? TraceabilityCode,
    [MaxLength(10), AbsoluteHttpUrl] IReadOnlyList<string>? ImageUrls,
    Guid? SiteId,
    [MaxLength(20)] IReadOnlyList<Guid>? CertificateIds) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Category is not null && !ProductCategories.IsKnown(Category))
            yield return new ValidationResult("Unknown category; GET /api/catalogue/categories lists them.", [nameof(Category)]);
        if (PriceTiers is { Count: > 1 } tiers && tiers.Zip(tiers.Skip(1)).Any(p => p.First.MinQuantity >= p.Second.MinQuantity))
            yield return new ValidationResult("Price tiers must be in strictly ascending order of minQuantity.", [nameof(PriceTiers)]);
        if (ImageUrls is not null && ImageUrls.Any(u => u is null || u.Length > 2048))
            yield return new ValidationResult("Image URLs are at most 2048 characters.", [nameof(ImageUrls)]);
    }

    public ProductDetails ToDetails() => new(
        NameVi!.Trim(), SitesApi.Blank(NameEn), DescriptionVi!.Trim(), SitesApi.Blank(DescriptionEn), Category!, Unit!.Trim(),
        [.. PriceTiers!.Select(t => new PriceTier(t.MinQuantity!.Value, t.UnitPriceVnd!.Value))],
        MinimumOrderQuantity!.Value, MonthlyCapacity!.Value, LeadTimeDays!.Value, Packaging!.Value,
        SitesApi.Blank(TraceabilityCode), ImageUrls ?? [], SiteId, [.. (CertificateIds ?? []).Distinct()]);
}

/// <summary>Query of the public product list; packaging in its kebab-case spelling (plastic-free).</summary>
public sealed record ListProductsQuery(Guid? SupplierId, string? Category, string? Packaging, int? Page, int? PageSize);


/// <summary>The badge a claim earns right now; reason says why not when it does not.</summary>
public sealed record BadgeResponse(
    Guid CertificateId, string SchemeCode, string? Level, DateOnly? ValidUntil, CertificateStatus Status,
    VerificationState VerificationState, bool Valid, BadgeReason? Reason);

public sealed record ProductSiteResponse(Guid Id, string Name, string? CraftVillage, string? Commune, string District, string Province, double Latitude, double Longitude);

public sealed record ProductResponse(
    Guid Id, Guid SupplierId, string? SupplierName, bool SupplierVerified, ProductStatus Status, long Version,
    string NameVi, string? NameEn, string DescriptionVi, string? DescriptionEn, string Category, string Unit,
    IReadOnlyList<PriceTier> PriceTiers, long MinimumOrderQuantity, long MonthlyCapacity, int LeadTimeDays, Packaging Packaging,
    string? TraceabilityCode, IReadOnlyList<string> ImageUrls, ProductSiteResponse? Site, IReadOnlyList<BadgeResponse> Certifications,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt)
{
    public static ProductResponse From(ProductView view, DateOnly today)
    {
        var (p, s) = (view.Product, view.Site);
        return new ProductResponse(
            p.Id, p.SupplierId, view.Supplier?.PublicName, view.Supplier?.Verified ?? false, p.Status, p.Version,
            p.NameVi, p.NameEn, p.DescriptionVi, p.DescriptionEn, p.Category, p.Unit,
            p.PriceTiers, p.MinimumOrderQuantity, p.MonthlyCapacity, p.LeadTimeDays, p.Packaging, p.TraceabilityCode, p.ImageUrls,
            s is null ? null : new ProductSiteResponse(s.Id, s.Name, s.CraftVillage, s.Commune, s.District, s.Province, s.Latitude, s.Longitude),
            [.. view.Badges(today).Select(b => new BadgeResponse(
                b.Certificate.Id, b.Certificate.SchemeCode, b.Certificate.Level, b.Certificate.ValidUntil, b.Certificate.Status,
                b.Certificate.Verification, b.Badge.Valid, b.Badge.Reason))],
            p.CreatedAt, p.UpdatedAt, p.PublishedAt);
    }
}
