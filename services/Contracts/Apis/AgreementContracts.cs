using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Matchmaking.ContractSigning.Audit;
using Matchmaking.ContractSigning.Model;

namespace Matchmaking.ContractSigning.Apis;

public sealed record AmendAgreementRequest([Required] int? BasedOnVersion, [Required] AmendTermsRequest? Terms);

/// <summary>
/// The editable terms of a new version, all of them: products (a subset of the agreement's, each once, with new prices
/// and volumes), delivery, payment, sustainability, the term and the notice. Representative and title change the
/// caller's own party only; left out, they stay as they were (an empty title removes it).
/// </summary>
public sealed record AmendTermsRequest(
    [Required, MinLength(1), MaxLength(50)] IReadOnlyList<AmendProductRequest>? Products,
    [Required] DeliveryTermsRequest? Delivery,
    [Required] PaymentTermsRequest? Payment,
    [Required] SustainabilityTermsRequest? Sustainability,
    [Required] DateOnly? EffectiveFrom,
    [Required] DateOnly? EffectiveUntil,
    [Required, Range(0, 365)] int? TerminationNoticeDays,
    [StringLength(200, MinimumLength = 1)] string? Representative,
    [StringLength(100)] string? RepresentativeTitle) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (EffectiveFrom is { } from && EffectiveUntil is { } until && until <= from)
            yield return new ValidationResult("The term must end after it starts.", [nameof(EffectiveUntil)]);
        if (Products is { Count: > 1 } products && products.Where(p => p?.ProductId is not null).GroupBy(p => p.ProductId).Any(g => g.Count() > 1))
            yield return new ValidationResult("Each product appears once.", [nameof(Products)]);
    }
}

public sealed record AmendProductRequest(
    [Required] Guid? ProductId,
    [Required, Range(1, 10_000_000_000)] long? UnitPriceVnd,
    [Required, Range(1, 1_000_000_000)] long? MonthlyVolume);

public sealed record DeliveryTermsRequest(
    [Required, StringLength(300, MinimumLength = 1)] string? Place,
    [Required, AllowedValues(DeliveryFrequencies.Weekly, DeliveryFrequencies.Fortnightly, DeliveryFrequencies.Monthly)] string? Frequency,
    [Required, Range(0, 365)] int? LeadTimeDays);

public sealed record PaymentTermsRequest(
    [Required, Range(0, 180)] int? DueDays,
    [Required, AllowedValues(PaymentMethods.BankTransfer, PaymentMethods.Cash)] string? Method,
    [Required] bool? PricesIncludeVat);

public sealed record SustainabilityTermsRequest(
    [Required] bool? EcoFriendlyPackaging,
    [Required] bool? KeepCertificatesValid,
    [Required, Range(1, 90)] int? CertificateLapseNoticeDays,
    [Required] bool? PackagingTakeBack,
    [Required] bool? TraceabilityCodesOnDeliveries);

public sealed record SendForSignatureRequest([Required, Range(1, int.MaxValue)] int? Version);

/// <summary>The signature activation token the identity service issued after the signer re-entered their password for this version.</summary>
public sealed record RemoteSignatureRequest([Required, StringLength(8192, MinimumLength = 1)] string? ActivationToken);

/// <summary>A CMS (PKCS #7) detached signature over the version's PDF bytes, DER, in base64.</summary>
public sealed record UploadedSignatureRequest([Required, StringLength(262_144, MinimumLength = 1)] string? Signature);

public sealed record TerminateAgreementRequest([Required, StringLength(1000, MinimumLength = 1)] string? Reason);

/// <summary>Query of the agreement list: status (draft, awaiting-signatures, ...), partnershipId, page, pageSize.</summary>
public sealed record ListAgreementsQuery(string? Status, string? PartnershipId, string? Page, string? PageSize);

public sealed record PartyNameResponse(Guid OrganisationId, string LegalName);

public sealed record AgreementSummaryResponse(
    Guid Id, string Number, AgreementStatus Status, Guid PartnershipId, PartyNameResponse Buyer, PartyNameResponse Supplier, int CurrentVersion,
    DateTimeOffset? SigningDeadline, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AgreementSummaryResponse From(Agreement a) => new(a.Id, a.Number, a.Status, a.PartnershipId,
        new PartyNameResponse(a.BuyerId, a.BuyerName), new PartyNameResponse(a.SupplierId, a.SupplierName), a.CurrentVersion, a.SigningDeadline,
        a.CreatedAt, a.UpdatedAt);
}

/// <summary>A version's terms and the SHA-256 of its PDF; createdBy is the proposing party, absent for the platform's draft.</summary>
public sealed record VersionResponse(int Version, DateTimeOffset CreatedAt, Guid? CreatedBy, int? BasedOnVersion, string DocumentSha256, AgreementTerms Terms);

public sealed record VersionSummaryResponse(int Version, DateTimeOffset CreatedAt, string DocumentSha256);

public sealed record SignatureResponse(Guid Id, Guid OrganisationId, string Side, string Method, string? SignerName, string CertificateSubject,
    string CertificateFingerprint, DateTimeOffset SignedAt)
{
    public static SignatureResponse From(AgreementSignature s) =>
        new(s.Id, s.OrganisationId, s.Side, s.Method, s.SignerName, s.CertificateSubject, s.CertificateFingerprint, s.AcceptedAt);
}

public sealed record TerminationResponse(Guid By, string Reason, DateOnly EffectiveOn);

public sealed record AgreementResponse(
    Guid Id, string Number, AgreementStatus Status, Guid PartnershipId, AgreementParty Buyer, AgreementParty Supplier, string YourSide,
    VersionResponse CurrentVersion, IReadOnlyList<VersionSummaryResponse> Versions, DateTimeOffset? SigningDeadline,
    IReadOnlyList<SignatureResponse> Signatures, DateTimeOffset? ActivatedAt, TerminationResponse? Termination, DateTimeOffset? ExpiredAt,
    string? ExpiryReason);

public sealed record AuditEntryResponse(long Sequence, DateTimeOffset OccurredAt, string Action, Guid? ActorUserId, Guid? ActorOrganisationId,
    int Version, IReadOnlyDictionary<string, string> Details, string PreviousHash, string Hash)
{
    public static AuditEntryResponse From(AuditEntry e) =>
        new(e.Sequence, e.OccurredAt, e.Action, e.ActorUserId, e.ActorOrganisationId, e.Version, e.Details, e.PreviousHash, e.Hash);
}

public sealed record AuditTrailResponse(Guid AgreementId, string AgreementNumber, IReadOnlyList<AuditEntryResponse> Entries);

public sealed record BrokenLinkResponse(long Sequence, string Reason);

public sealed record AuditVerificationResponse(bool Intact, int Entries,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] BrokenLinkResponse? FirstBrokenLink)
{
    public static AuditVerificationResponse From(ChainVerification v) =>
        new(v.Intact, v.Entries, v.FirstBrokenLink is { } b ? new BrokenLinkResponse(b.Sequence, b.Reason) : null);
}

public sealed record SignatureValidityResponse(
    string Side, Guid OrganisationId, int Version, bool Superseded, bool Valid, bool MatchesDocument, bool Trusted, bool Revoked,
    string? CertificateSubject, string? Fingerprint, DateTimeOffset? SigningTime, DateTimeOffset AcceptedAt, DateTimeOffset? RevokedAt,
    IReadOnlyList<string> Problems);

/// <summary>allValid: the current version has signatures and every one of them is valid.</summary>
public sealed record SignatureVerificationResponse(Guid AgreementId, int Version, bool AllValid, IReadOnlyList<SignatureValidityResponse> Signatures);
