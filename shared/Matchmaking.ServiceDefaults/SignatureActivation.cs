namespace Matchmaking.ServiceDefaults;

/// <summary>
/// Signature activation: the short-lived token the identity service issues after a signer re-enters their password for
/// one exact document (its SHA-256) and the contract service requires before it signs with the organisation's key.
/// Modelled on the Cloud Signature Consortium's "signature activation data". Its own audience and type keep it from
/// ever passing as an access token, and an access token from passing as one.
/// </summary>
public static class SignatureActivation
{
    public const string Audience = "contracts-signing";
    public const string TokenType = "sad+jwt";
    /// <summary>Hex SHA-256 of the document the signer confirmed.</summary>
    public const string DocumentHashClaim = "doc_sha256";
    /// <summary>What the document is, as the caller named it (for agreements "{agreementId}:v{version}").</summary>
    public const string ReferenceClaim = "ref";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static string AgreementReference(Guid agreementId, int version) => $"{agreementId:D}:v{version}";
}
