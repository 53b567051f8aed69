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
    public bool Verified { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Organisation Open(Guid id, string kind, DateTimeOffset now) => new() { Id = id, Kind = kind, CreatedAt = now, UpdatedAt = now };

    public void ApplyRegistration(string kind, string legalName, string taxCode, string province, string? district, DateTimeOffset registeredAt, DateTimeOffset now)
    {
        (Kind, LegalName, TaxCode, Province, District, RegisteredAt, UpdatedAt) = (kind, legalName, taxCode, province, district, registeredAt, now);
    }

    public void MarkVerified(string kind, string legalName, DateTimeOffset verifiedAt, DateTimeOffset now)
    {
        (Kind, LegalName, UpdatedAt) = (kind, legalName, now);
        if (Verified) return;
        (Verified, VerifiedAt) = (true, verifiedAt);
    }
}
