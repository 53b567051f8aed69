namespace Matchmaking.ContractSigning.Model;

/// <summary>
/// A party's CMS detached signature over one version's PDF, as accepted. Kept for every version: a signature on an
/// older version stays on record (reported as superseded) but no longer counts towards activation.
/// </summary>
public sealed class AgreementSignature
{
    public Guid Id { get; init; }
    public Guid AgreementId { get; init; }
    public int Version { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Side { get; init; }
    /// <summary>"remote" or "uploaded" (SignatureMethods).</summary>
    public required string Method { get; init; }
    public Guid? SignerUserId { get; init; }
    public string? SignerName { get; init; }
    /// <summary>The registered certificate, when the signer's certificate is one (always for remote signatures).</summary>
    public Guid? CertificateId { get; init; }
    public required byte[] Certificate { get; init; }
    public required string CertificateSubject { get; init; }
    public required string CertificateFingerprint { get; init; }
    /// <summary>The DER SignedData, exactly as produced or uploaded.</summary>
    public required byte[] Signature { get; init; }
    /// <summary>The signing-time attribute inside the signature (claimed by the signer for uploaded signatures).</summary>
    public DateTimeOffset? SigningTime { get; init; }
    /// <summary>When the platform checked and accepted it: the time its trust and revocation are judged at.</summary>
    public DateTimeOffset AcceptedAt { get; init; }
    /// <summary>The signature activation token's id, for remote signatures; unique, so a token signs once.</summary>
    public string? ActivationTokenId { get; init; }
}
