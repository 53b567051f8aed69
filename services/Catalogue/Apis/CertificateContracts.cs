using System.ComponentModel.DataAnnotations;
using Matchmaking.Catalogue.Model;

namespace Matchmaking.Catalogue.Apis;

/// <summary>What the certificate covers. Site and product ids must belong to the caller's organisation.</summary>
public sealed record CertificateScopeRequest(
    [Required] CertificateScopeKind? Kind,
    [MaxLength(100)] IReadOnlyList<Guid>? SiteIds,
    [MaxLength(500)] IReadOnlyList<Guid>? ProductIds) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Kind == CertificateScopeKind.Sites && SiteIds is not { Count: > 0 })
            yield return new ValidationResult("A site-scoped certificate lists at least one site.", [nameof(SiteIds)]);
        if (Kind == CertificateScopeKind.Products && ProductIds is not { Count: > 0 })
            yield return new ValidationResult("A product-scoped certificate lists at least one product.", [nameof(ProductIds)]);
        if (Kind == CertificateScopeKind.Organisation && (SiteIds is { Count: > 0 } || ProductIds is { Count: > 0 }))
            yield return new ValidationResult("An organisation-wide certificate lists no sites or products.", [nameof(Kind)]);
    }
}

public sealed record CreateCertificateRequest(
    [Required, StringLength(40, MinimumLength = 1)] string? SchemeCode,
    [Required, StringLength(100, MinimumLength = 1)] string? Number,
    [Required, StringLength(200, MinimumLength = 1)] string? Issuer,
    [StringLength(40)] string? Level,
    DateOnly? IssuedOn,
    [Required] DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    [Required, RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "The evidenceSha256 field must be a SHA-256 digest: 64 hexadecimal characters.")]
    string? EvidenceSha256,
    [Required] CertificateScopeRequest? Scope) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (ValidFrom is { } from && ValidUntil is { } until && until < from)
            yield return new ValidationResult("validUntil cannot be before validFrom.", [nameof(ValidUntil)]);
        if (IssuedOn is { } issued && ValidUntil is { } end && issued > end)
            yield return new ValidationResult("issuedOn cannot be after validUntil.", [nameof(IssuedOn)]);
    }
}

/// <summary>The programme office's finding. A registry check names where it looked (registry entry or URL).</summary>
public sealed record VerifyCertificateRequest(
    [Required] VerificationState? State,
    [StringLength(300)] string? RegistryReference) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (State == VerificationState.SelfDeclared)
            yield return new ValidationResult("Verification records document-checked or registry-verified.", [nameof(State)]);
        if (State == VerificationState.RegistryVerified && string.IsNullOrWhiteSpace(RegistryReference))
            yield return new ValidationResult("A registry verification names the registry entry it was checked against.", [nameof(RegistryReference)]);
    }
}

public sealed record ChangeCertificateStatusRequest([Required] CertificateStatus? Status) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Status == CertificateStatus.Expired)
            yield return new ValidationResult("Expiry follows from the valid-until date; it is not set by hand.", [nameof(Status)]);
    }
}

public sealed record CertificateScopeResponse(CertificateScopeKind Kind, IReadOnlyList<Guid> SiteIds, IReadOnlyList<Guid> ProductIds);

public sealed record VerificationResponse(VerificationState State, Guid? VerifiedByUserId, Guid? VerifiedByOrganisationId, DateTimeOffset? VerifiedAt, string? RegistryReference);

public sealed record CertificateResponse(
    Guid Id, Guid SupplierId, string SchemeCode, string Number, string Issuer, string? Level, DateOnly? IssuedOn,
    DateOnly ValidFrom, DateOnly? ValidUntil, string EvidenceSha256, CertificateScopeResponse Scope, CertificateStatus Status,
    VerificationResponse Verification, DateTimeOffset? ExpiryNoticeSentAt, DateTimeOffset CreatedAt)
{
    public static CertificateResponse From(Certificate c) => new(
        c.Id, c.SupplierId, c.SchemeCode, c.Number, c.Issuer, c.Level, c.IssuedOn, c.ValidFrom, c.ValidUntil, c.EvidenceSha256,
        new CertificateScopeResponse(c.ScopeKind, c.ScopeSiteIds, c.ScopeProductIds), c.Status,
        new VerificationResponse(c.Verification, c.VerifiedByUserId, c.VerifiedByOrganisationId, c.VerifiedAt, c.RegistryReference),
        c.ExpiryNoticeSentAt, c.CreatedAt);
}
