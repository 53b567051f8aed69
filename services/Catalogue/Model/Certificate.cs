using Matchmaking.ServiceDefaults;

namespace Matchmaking.Catalogue.Model;

public enum CertificateStatus { Active, Suspended, Withdrawn, Expired }

/// <summary>How far the programme office has checked the evidence; stronger states count for more in matching.</summary>
public enum VerificationState { SelfDeclared, DocumentChecked, RegistryVerified }

/// <summary>What a certificate covers: everything the organisation makes, some of its sites, or named products.</summary>
public enum CertificateScopeKind { Organisation, Sites, Products }

/// <summary>Evidence an organisation holds. Products cite it through claims; whether a claim earns a badge is computed by <see cref="Badges"/>.</summary>
public sealed class Certificate
{
    public Guid Id { get; init; }
    public Guid SupplierId { get; init; }
    public required string SchemeCode { get; init; }
    public required string Number { get; init; }
    public required string Issuer { get; init; }
    public string? Level { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public required string EvidenceSha256 { get; init; }
    public CertificateScopeKind ScopeKind { get; init; }
    public List<Guid> ScopeSiteIds { get; init; } = [];
    public List<Guid> ScopeProductIds { get; init; } = [];
    public CertificateStatus Status { get; private set; } = CertificateStatus.Active;
    public DateTimeOffset? StatusChangedAt { get; private set; }
    public VerificationState Verification { get; private set; } = VerificationState.SelfDeclared;
    public Guid? VerifiedByUserId { get; private set; }
    public Guid? VerifiedByOrganisationId { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? RegistryReference { get; private set; }
    public DateTimeOffset? ExpiryNoticeSentAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The owner reports a suspension, its lifting, or gives the certificate up. Expired and withdrawn are final.</summary>
    public void ChangeStatus(CertificateStatus target, DateTimeOffset now)
    {
        var allowed = (Status, target) switch
        {
            (CertificateStatus.Active, CertificateStatus.Suspended) => true,
            (CertificateStatus.Suspended, CertificateStatus.Active) => true,
            (CertificateStatus.Active or CertificateStatus.Suspended, CertificateStatus.Withdrawn) => true,
            _ => false,
        };
        if (!allowed)
            throw new ConflictException($"A certificate that is {Status.ToString().ToLowerInvariant()} cannot become {target.ToString().ToLowerInvariant()}.");
        Status = target;
        StatusChangedAt = now;
    }

    public void Verify(VerificationState state, string? registryReference, Guid? userId, Guid organisationId, DateTimeOffset now)
    {
        if (state == VerificationState.SelfDeclared)
            throw new DomainValidationException("state", "Verification can only record document-checked or registry-verified.");
        if (Status is CertificateStatus.Withdrawn or CertificateStatus.Expired)
            throw new ConflictException("A withdrawn or expired certificate cannot be verified.");
        Verification = state;
        RegistryReference = registryReference;
        VerifiedByUserId = userId;
        VerifiedByOrganisationId = organisationId;
        VerifiedAt = now;
    }

    /// <summary>Due for a renewal notice: active, still valid, and within <paramref name="noticeDays"/> of its last valid day.</summary>
    public bool IsDueForRenewalNotice(DateOnly today, int noticeDays) =>
        Status == CertificateStatus.Active && ExpiryNoticeSentAt is null && ValidUntil is { } until
        && until >= today && until.DayNumber - today.DayNumber <= noticeDays;

    /// <summary>Valid-until is the last valid day, so a certificate lapses the day after.</summary>
    public bool HasLapsed(DateOnly today) => Status == CertificateStatus.Active && ValidUntil is { } until && until < today;

    public void MarkRenewalNoticeSent(DateTimeOffset now) => ExpiryNoticeSentAt = now;

    public void MarkExpired(DateTimeOffset now)
    {
        Status = CertificateStatus.Expired;
        StatusChangedAt = now;
    }

    public bool Covers(Product product) => product.SupplierId == SupplierId && ScopeKind switch
    {
        CertificateScopeKind.Organisation => true,
        CertificateScopeKind.Sites => product.SiteId is { } site && ScopeSiteIds.Contains(site),
        CertificateScopeKind.Products => ScopeProductIds.Contains(product.Id),
        _ => false,
    };
}
