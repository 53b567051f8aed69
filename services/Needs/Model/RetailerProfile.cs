namespace Matchmaking.Needs.Model;

/// <summary>
/// The needs service's view of a retailer organisation. The id is the organisation id from the identity service.
/// It may be opened lazily from a token before OrganisationRegistered arrives; the event then fills in the legal facts.
/// </summary>
public sealed class RetailerProfile
{
    public Guid Id { get; init; }
    public string? LegalName { get; private set; }
    public string? TaxCode { get; private set; }
    public string? Province { get; private set; }
    public string? District { get; private set; }
    public string? DisplayName { get; private set; }
    public string? Description { get; private set; }
    /// <summary>Codes from <see cref="ReferenceData.Commitments"/>.</summary>
    public List<string> Commitments { get; private set; } = [];
    public bool Verified { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The name suppliers see: the chosen display name, else the registered legal name.</summary>
    public string? PublicName => string.IsNullOrWhiteSpace(DisplayName) ? LegalName : DisplayName;

    /// <summary>What need snapshots carry of the retailer; when it changes, open needs are re-announced.</summary>
    public (string? Name, bool Verified, string Commitments) SnapshotFacts => (PublicName, Verified, string.Join(',', Commitments));

    public static RetailerProfile Create(Guid organisationId, DateTimeOffset now) =>
        new() { Id = organisationId, CreatedAt = now, UpdatedAt = now };

    public void ApplyRegistration(string legalName, string taxCode, string province, string? district, DateTimeOffset registeredAt, DateTimeOffset now)
    {
        (LegalName, TaxCode, Province, District, RegisteredAt, UpdatedAt) = (legalName, taxCode, province, district, registeredAt, now);
    }

    public void MarkVerified(string legalName, DateTimeOffset verifiedAt, DateTimeOffset now)
    {
        LegalName = legalName;
        UpdatedAt = now;
        if (Verified) return;
        Verified = true;
        VerifiedAt = verifiedAt;
    }

    public void UpdateDetails(string displayName, string? description, IReadOnlyList<string> commitments, DateTimeOffset now)
    {
        DisplayName = displayName;
        Description = description;
        Commitments = [.. commitments];
        UpdatedAt = now;
    }
}
