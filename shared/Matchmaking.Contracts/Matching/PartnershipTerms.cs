namespace Matchmaking.Contracts.Matching;

/// <summary>An organisation as agreements name it.</summary>
public sealed record PartySnapshot
{
    public required Guid OrganisationId { get; init; }
    public required string LegalName { get; init; }
    public required string TaxCode { get; init; }
    public required string Province { get; init; }
    public string? District { get; init; }
    /// <summary>The registered address on one line (street, commune, district, province) when matching knows it.</summary>
    public string? Address { get; init; }
    public string? Representative { get; init; }
}

/// <summary>One product in a partnership: the price is the tier that applies to the monthly volume when requested.</summary>
public sealed record PartnershipProduct
{
    public required Guid ProductId { get; init; }
    public required string NameVi { get; init; }
    public string? NameEn { get; init; }
    public required string Category { get; init; }
    public required string Unit { get; init; }
    public required long UnitPriceVnd { get; init; }
    public required long MonthlyVolume { get; init; }
    public required long MinimumOrderQuantity { get; init; }
    public required int LeadTimeDays { get; init; }
    public required string Packaging { get; init; }
    public string? TraceabilityCode { get; init; }
    /// <summary>Certificates that counted for the product when the request was made: the supplier keeps these valid.</summary>
    public required IReadOnlyList<CitedCertification> Certifications { get; init; }
}

public sealed record CitedCertification(Guid CertificateId, string SchemeCode, string Number, string Issuer, string? Level, DateOnly? ValidUntil);
