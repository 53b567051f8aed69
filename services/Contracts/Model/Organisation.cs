namespace Matchmaking.ContractSigning.Model;

/// <summary>
/// The legal facts of an organisation from its registration event: what a certificate is issued to and what an external
/// certificate's tax code is checked against, and the fallback when a partnership's snapshot lacked them.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; init; }
    public string Kind { get; private set; } = "";
    public string LegalName { get; private set; } = "";
    public string TaxCode { get; private set; } = "";
    public string? AddressLine { get; private set; }
    public string? Representative { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Organisation Open(Guid id) => new() { Id = id };

    public void ApplyRegistration(string kind, string legalName, string taxCode, string? addressLine, string? representative,
        DateTimeOffset registeredAt, DateTimeOffset now) =>
        (Kind, LegalName, TaxCode, AddressLine, Representative, RegisteredAt, UpdatedAt) =
            (kind, legalName, taxCode, addressLine, representative, registeredAt, now);
}

/// <summary>An AgreementSignatureDue sent for one party and version, so each is sent once.</summary>
public sealed class SignatureReminder
{
    public Guid AgreementId { get; init; }
    public int Version { get; init; }
    public Guid OrganisationId { get; init; }
    public DateTimeOffset SentAt { get; init; }
}
