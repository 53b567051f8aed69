using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Matchmaking.ContractSigning.Model;

namespace Matchmaking.ContractSigning.Apis;

public sealed record RegisterExternalCertificateRequest([Required, StringLength(32_768, MinimumLength = 1)] string? CertificatePem);

public sealed record RevokeCertificateRequest([Required, StringLength(500, MinimumLength = 1)] string? Reason);

/// <summary>A signing certificate: source "platform" (issued here) or "external" (a licensed provider's, registered here).</summary>
public sealed record CertificateResponse(Guid Id, string Source, string Subject, string TaxCode, string Fingerprint, DateTimeOffset NotBefore,
    DateTimeOffset NotAfter, DateTimeOffset? RevokedAt, string? RevocationReason, string Pem)
{
    public static CertificateResponse From(SigningCertificate c) => new(c.Id, c.Source, c.Subject, c.TaxCode, c.Fingerprint, c.NotBefore, c.NotAfter,
        c.RevokedAt, c.RevocationReason, PemEncoding.WriteString("CERTIFICATE", c.Certificate) + "\n");
}
