namespace Matchmaking.Contracts.Catalogue;

/// <summary>
/// Everything a consumer needs to index or match a product without calling the catalogue back.
/// Certificates carry their facts, not a stored badge: consumers re-check validity on their own clock.
/// </summary>
public sealed record ProductSnapshot
{
    public required Guid ProductId { get; init; }
    public required Guid SupplierId { get; init; }
    public required string SupplierName { get; init; }
    public required bool SupplierVerified { get; init; }
    public required string NameVi { get; init; }
    public string? NameEn { get; init; }
    public required string DescriptionVi { get; init; }
    public string? DescriptionEn { get; init; }
    public required string Category { get; init; }
    public required string Unit { get; init; }
    public required IReadOnlyList<PriceTierSnapshot> PriceTiers { get; init; }
    public required long MinimumOrderQuantity { get; init; }
    public required long MonthlyCapacity { get; init; }
    public required int LeadTimeDays { get; init; }
    public required string Packaging { get; init; }
    public string? TraceabilityCode { get; init; }
    public required IReadOnlyList<string> ImageUrls { get; init; }
    public required SiteSnapshot Site { get; init; }
    public required IReadOnlyList<CertificationSnapshot> Certifications { get; init; }
}

public sealed record PriceTierSnapshot(long MinQuantity, long UnitPriceVnd);

public sealed record SiteSnapshot
{
    public required Guid SiteId { get; init; }
    public required string Name { get; init; }
    public string? CraftVillage { get; init; }
    public string? Commune { get; init; }
    public required string District { get; init; }
    public required string Province { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
}

public sealed record CertificationSnapshot
{
    public required Guid CertificateId { get; init; }
    public required string SchemeCode { get; init; }
    public required string Number { get; init; }
    public required string Issuer { get; init; }
    public string? Level { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    /// <summary>active, suspended, withdrawn or expired.</summary>
    public required string Status { get; init; }
    /// <summary>self-declared, document-checked or registry-verified.</summary>
    public required string VerificationState { get; init; }
    /// <summary>Whether the badge held when the snapshot was taken: active, in validity, product in scope.</summary>
    public required bool ValidAtSnapshot { get; init; }
    /// <summary>Whether the certificate's scope (organisation, sites or products) covers this product; null from older publishers.</summary>
    public bool? CoversProduct { get; init; }
}
