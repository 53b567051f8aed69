using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Matchmaking.ContractSigning.Apis;

/// <summary>Any document and a CMS detached signature over it, both base64 (the signature DER).</summary>
public sealed record DocumentVerificationRequest(
    [Required, StringLength(8_000_000, MinimumLength = 1)] string? Document,
    [Required, StringLength(262_144, MinimumLength = 1)] string? Signature);

public sealed record SignerResponse(string? Subject, string? TaxCode, string? Fingerprint, Guid? OrganisationId);

public sealed record VerifiedAgreementResponse(Guid Id, string Number, int Version);

/// <summary>
/// matches: the signature is over exactly these bytes; trusted: its certificate chains to a trust anchor and was valid when
/// it signed; revoked: the certificate was revoked here; valid: all three say yes (a signature the platform accepted before
/// the revocation stays valid). agreement: the agreement version these bytes are, when they are one.
/// </summary>
public sealed record DocumentVerificationResponse(bool Matches, bool Trusted, bool Revoked, bool Valid, SignerResponse? Signer, DateTimeOffset? SigningTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] VerifiedAgreementResponse? Agreement, IReadOnlyList<string> Problems);
