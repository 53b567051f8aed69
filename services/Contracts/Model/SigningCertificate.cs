namespace Matchmaking.ContractSigning.Model;

/// <summary>
/// An organisation's signing certificate: issued by the platform's CA (its private key kept here, encrypted with the
/// master key), or an external one from a licensed provider, registered so that it can be revoked here.
/// </summary>
public sealed class SigningCertificate
{
    public const string Platform = "platform";
    public const string External = "external";

    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Source { get; init; }
    public required string Subject { get; init; }
    public required string TaxCode { get; init; }
    /// <summary>Lower-case hex SHA-256 of the DER certificate; unique.</summary>
    public required string Fingerprint { get; init; }
    public required byte[] Certificate { get; init; }
    public DateTimeOffset NotBefore { get; init; }
    public DateTimeOffset NotAfter { get; init; }
    /// <summary>Encrypted PKCS#8 PEM of the private key; platform certificates only.</summary>
    public string? ProtectedKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? CreatedByUserId { get; init; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedByUserId { get; private set; }
    public string? RevocationReason { get; private set; }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && NotBefore <= now && now < NotAfter;

    public void Revoke(Guid? by, string reason, DateTimeOffset now) => (RevokedAt, RevokedByUserId, RevocationReason) = (now, by, reason);
}

/// <summary>The platform's certificate authority: created once, on first start, its key encrypted with the master key.</summary>
public sealed class CertificateAuthorityRecord
{
    public const string PlatformId = "platform";

    public required string Id { get; init; }
    public required byte[] Certificate { get; init; }
    public required string ProtectedKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
