namespace Matchmaking.Matching.Model;

/// <summary>
/// Matching's view of an organisation, for the parties named in an accepted partnership. Opened lazily from a caller's
/// token when the identity events have not arrived yet; they fill in the legal facts when they land.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; init; }
    public string Kind { get; private set; } = "";
    public string? LegalName { get; private set; }
    public string? TaxCode { get; private set; }
    public string? Province { get; private set; }
    public string? District { get; private set; }
    public string? Street { get; private set; }
    public string? Commune { get; private set; }
    public string? Representative { get; private set; }
    public bool Verified { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Organisation Open(Guid id, string kind, DateTimeOffset now) => new() { Id = id, Kind = kind, CreatedAt = now, UpdatedAt = now };

    public void ApplyRegistration(string kind, string legalName, string taxCode, string province, string? district, DateTimeOffset registeredAt,
        DateTimeOffset now, string? street = null, string? commune = null, string? representative = null)
    {
        (Kind, LegalName, TaxCode, Province, District, RegisteredAt, UpdatedAt) = (kind, legalName, taxCode, province, district, registeredAt, now);
        (Street, Commune, Representative) = (street, commune, representative);
    }

    /// <summary>The registered address on one line, as an agreement names a party; null until the registration arrived.</summary>
    public string? AddressLine => Province is null ? null : string.Join(", ", new[] { Street, Commune, District, Province }.Where(p => !string.IsNullOrWhiteSpace(p)));

    public void MarkVerified(string kind, string legalName, DateTimeOffset verifiedAt, DateTimeOffset now)
    {
        (Kind, LegalName, UpdatedAt) = (kind, legalName, now);
        if (Verified) return;
        (Verified, VerifiedAt) = (true, verifiedAt);
    }
}
