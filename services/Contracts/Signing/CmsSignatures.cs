using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Matchmaking.ContractSigning.Signing;

public static class CmsSignatures
{
    public const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>A CMS detached SignedData (DER) over <paramref name="content"/>: SHA-256, signer certificate included, signing time attribute.</summary>
    /// <remarks>The signing time is truncated to whole seconds (CMS stores UTCTime); compare stored times with <see cref="TruncateToSeconds"/>.</remarks>
    /// <exception cref="ArgumentException">The certificate has no private key.</exception>
    public static byte[] SignDetached(byte[] content, X509Certificate2 certificateWithKey, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(certificateWithKey);
        if (!certificateWithKey.HasPrivateKey)
            throw new ArgumentException("The certificate has no private key to sign with.", nameof(certificateWithKey));

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificateWithKey)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(TruncateToSeconds(signingTime).UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>As above with a certificate and its key held apart (a stored certificate and its unprotected key).</summary>
    /// <exception cref="ArgumentException">The key is not the certificate's.</exception>
    public static byte[] SignDetached(byte[] content, X509Certificate2 certificate, ECDsa key, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(key);
        using var withKey = certificate.CopyWithPrivateKey(key);
        return SignDetached(content, withKey, signingTime);
    }

    /// <summary>The instant as a CMS signing time holds it.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);
}
