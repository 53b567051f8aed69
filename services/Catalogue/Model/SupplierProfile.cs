namespace Matchmaking.Catalogue.Model;

/// <summary>
/// The catalogue's view of a supplier organisation. The id is the organisation id from the identity service.
/// It may be created lazily from a token before OrganisationRegistered arrives; the event then fills in the legal facts.
/// </summary>
public sealed class SupplierProfile
{
    public Guid Id { get; init; }
    public string? LegalName { get; private set; }
    public string? TaxCode { get; private set; }
    public string? Province { get; private set; }
    public string? District { get; private set; }
    public string? DisplayName { get; private set; }
    public string? Description { get; private set; }
    public string? ContactPerson { get; private set; }
    public string? Website { get; private set; }
    public bool Verified { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The name buyers see: the chosen display name, else the registered legal name.</summary>
    public string? PublicName => string.IsNullOrWhiteSpace(DisplayName) ? LegalName : DisplayName;

    public static SupplierProfile Create(Guid organisationId, DateTimeOffset now) =>
        new() { Id = organisationId, CreatedAt = now, UpdatedAt = now };

    public void ApplyRegistration(string legalName, string taxCode, string province, string? district, DateTimeOffset registeredAt, DateTimeOffset now)
    {
        LegalName = legalName;
        TaxCode = taxCode;
        Province = province;
        District = district;
        RegisteredAt = registeredAt;
        UpdatedAt = now;
    }

    /// <summary>Returns whether the verified flag changed, so callers know to republish listings.</summary>
    public bool MarkVerified(string legalName, DateTimeOffset verifiedAt, DateTimeOffset now)
    {
        LegalName = legalName;
        UpdatedAt = now;
        if (Verified) return false;
        Verified = true;
        VerifiedAt = verifiedAt;
        return true;
    }

    public void UpdateDetails(string displayName, string? description, string? contactPerson, string? website, DateTimeOffset now)
    {
        DisplayName = displayName;
        Description = description;
        ContactPerson = contactPerson;
        Website = website;
        UpdatedAt = now;
    }
}
