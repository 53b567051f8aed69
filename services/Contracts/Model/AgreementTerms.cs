namespace Matchmaking.ContractSigning.Model;

/// <summary>
/// Everything a version of an agreement says, as structured data. A version's terms are stored as JSON next to the PDF
/// rendered from them; the PDF is rendered once, and its bytes are what the parties sign and download.
/// </summary>
public sealed record AgreementTerms
{
    public required AgreementParty Buyer { get; init; }
    public required AgreementParty Supplier { get; init; }
    public required IReadOnlyList<AgreementProduct> Products { get; init; }
    public required DeliveryTerms Delivery { get; init; }
    public required PaymentTerms Payment { get; init; }
    public required SustainabilityTerms Sustainability { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required DateOnly EffectiveUntil { get; init; }
    public required int TerminationNoticeDays { get; init; }
    /// <summary>The need the partnership answered, when there was one (shown in the preamble).</summary>
    public string? NeedTitle { get; init; }
}

public sealed record AgreementParty
{
    public required Guid OrganisationId { get; init; }
    public required string LegalName { get; init; }
    public required string TaxCode { get; init; }
    public required string Address { get; init; }
    public required string Representative { get; init; }
    /// <summary>The representative's position, e.g. "Giám đốc"; optional.</summary>
    public string? RepresentativeTitle { get; init; }
}

public sealed record AgreementProduct
{
    public required Guid ProductId { get; init; }
    public required string NameVi { get; init; }
    public string? NameEn { get; init; }
    public required string Unit { get; init; }
    public required long UnitPriceVnd { get; init; }
    public required long MonthlyVolume { get; init; }
    public required string Packaging { get; init; }
    public string? TraceabilityCode { get; init; }
    public required IReadOnlyList<AgreementCertificate> Certifications { get; init; }
}

public sealed record AgreementCertificate(string SchemeCode, string Number, string Issuer, DateOnly? ValidUntil);

public sealed record DeliveryTerms
{
    /// <summary>Where goods are delivered: the buyer's store or warehouse, on one line.</summary>
    public required string Place { get; init; }
    /// <summary>One of <see cref="DeliveryFrequencies"/>.</summary>
    public required string Frequency { get; init; }
    public required int LeadTimeDays { get; init; }
}

public static class DeliveryFrequencies
{
    public const string Weekly = "weekly";
    public const string Fortnightly = "fortnightly";
    public const string Monthly = "monthly";
    public static readonly string[] All = [Weekly, Fortnightly, Monthly];
}

public sealed record PaymentTerms
{
    /// <summary>Days after each accepted delivery within which the buyer pays.</summary>
    public required int DueDays { get; init; }
    /// <summary>One of <see cref="PaymentMethods"/>.</summary>
    public required string Method { get; init; }
    public required bool PricesIncludeVat { get; init; }
}

public static class PaymentMethods
{
    public const string BankTransfer = "bank-transfer";
    public const string Cash = "cash";
    public static readonly string[] All = [BankTransfer, Cash];
}

public sealed record SustainabilityTerms
{
    public required bool EcoFriendlyPackaging { get; init; }
    /// <summary>The supplier keeps the cited certificates valid and tells the buyer within this many days when one lapses.</summary>
    public required bool KeepCertificatesValid { get; init; }
    public required int CertificateLapseNoticeDays { get; init; }
    public required bool PackagingTakeBack { get; init; }
    public required bool TraceabilityCodesOnDeliveries { get; init; }
    /// <summary>The buyer's own commitments carried from its need (reference-list texts).</summary>
    public required IReadOnlyList<string> BuyerCommitments { get; init; }
}
