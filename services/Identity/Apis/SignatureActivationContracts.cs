using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Identity.Apis;

/// <summary>
/// The signer confirms one exact document by re-entering their password. The hash is the document's hex SHA-256
/// (either case; the token carries it lower-cased); the reference names it for the service that will sign
/// (for agreements "{agreementId}:v{version}").
/// </summary>
public sealed record SignatureActivationRequest(
    [Required, StringLength(256)] string? Password,
    [Required, RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "The document hash is the document's SHA-256 as 64 hexadecimal characters.")]
    string? DocumentSha256,
    [Required, StringLength(200)] string? Reference);

/// <summary>The activation token, to be handed to the signing service before <see cref="ExpiresAt"/>; it is good for one signature.</summary>
public sealed record SignatureActivationResponse(string ActivationToken, DateTimeOffset ExpiresAt);
