namespace Matchmaking.Catalogue.Search;

/// <summary>What the index holds of one published product, built from its ProductPublished/ProductUpdated snapshot.</summary>
public sealed record SearchDocument
{
    public required Guid ProductId { get; init; }
    public required long Version { get; init; }
    public required Guid SupplierId { get; init; }
    public required string SupplierName { get; init; }
    public required bool SupplierVerified { get; init; }
    public required string NameVi { get; init; }
    public string? NameEn { get; init; }
    public required string DescriptionVi { get; init; }
    public string? DescriptionEn { get; init; }
    public required string Category { get; init; }
    public required string Unit { get; init; }
    /// <summary>Lowest tier price (the best a large buyer gets) and the entry price at the MOQ, in VND.</summary>
    public required long MinUnitPriceVnd { get; init; }
    public required long MaxUnitPriceVnd { get; init; }
    public required long MinimumOrderQuantity { get; init; }
    public required long MonthlyCapacity { get; init; }
    public required int LeadTimeDays { get; init; }
    /// <summary>kebab-case packaging: plastic-free, biodegradable, compostable, recycled, reusable, conventional.</summary>
    public required string Packaging { get; init; }
    public string? CraftVillage { get; init; }
    public string? Commune { get; init; }
    public required string District { get; init; }
    public required string Province { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public string? ImageUrl { get; init; }
    public required IReadOnlyList<IndexedCertification> Certifications { get; init; }
    public required DateTimeOffset IndexedAt { get; init; }
}

/// <summary>
/// A claimed certificate with the facts needed to decide, at query time, whether it counts:
/// status active, today inside [ValidFrom, ValidUntil], and the product inside its scope (CoversProduct).
/// </summary>
public sealed record IndexedCertification(
    string SchemeCode, string? Level, DateOnly ValidFrom, DateOnly? ValidUntil, string Status, string VerificationState, bool CoversProduct)
{
    public bool CountsOn(DateOnly today) =>
        Status == "active" && CoversProduct && ValidFrom <= today && (ValidUntil is null || today <= ValidUntil);

    /// <summary>OCOP stars from a level such as "4-star"; null for other schemes.</summary>
    public int? OcopStars => SchemeCode == "OCOP" && Level is { Length: > 0 } && char.IsAsciiDigit(Level[0]) ? Level[0] - '0' : null;
}
