using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Matchmaking.ContractSigning.Signing;

/// <summary>The platform's certificate authority: its root and the organisations' document-signing certificates (ECDSA P-256).</summary>
public static class CertificateFactory
{
    /// <summary>id-kp-documentSigning (RFC 9336). OpenSSL's default purpose is S/MIME, hence <c>-purpose any</c> in VERIFY.txt.</summary>
    public const string DocumentSigningOid = "1.3.6.1.5.5.7.3.36";
    /// <summary>The UID attribute (userId) that Vietnamese CAs use for "MST:{tax code}".</summary>
    public const string UserIdOid = "0.9.2342.19200300.100.1.1";
    public const string TaxCodePrefix = "MST:";
    public const string PlatformOrganisation = "Green Link Matchmaking Platform";

    // Clocks drift; a certificate that starts a little in the past is usable at once on every machine.
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(5);

    /// <summary>A self-signed root for the platform's certificate authority (ECDSA P-256).</summary>
    /// <returns>The certificate without its private key, and the key (the caller protects and disposes it).</returns>
    public static (X509Certificate2 Certificate, ECDsa Key) CreateRoot(string commonName, DateTimeOffset now, TimeSpan validity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        RequirePositive(validity);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(Clean(commonName));
        name.AddOrganizationName(PlatformOrganisation);
        name.AddCountryOrRegion("VN");

        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
            // Path length 0: the root issues end-entity certificates only.
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using var withKey = request.CreateSelfSigned(now - Backdate, now + validity);
            return (X509CertificateLoader.LoadCertificate(withKey.RawData), key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>An organisation's document-signing certificate; its subject carries UID=MST:{tax code} and OU={organisation id}.</summary>
    /// <remarks>The validity is cut to the issuer's. Names go in as UTF8String, so Vietnamese legal names survive intact.</remarks>
    /// <returns>The certificate without its private key, and the key (the caller protects and disposes it).</returns>
    /// <exception cref="ArgumentException">The issuer is not a CA, the key is not the issuer's, or the issuer is not valid at <paramref name="now"/>.</exception>
    public static (X509Certificate2 Certificate, ECDsa Key) IssueSigningCertificate(X509Certificate2 issuer, ECDsa issuerKey,
        SignerIdentity subject, DateTimeOffset now, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(issuerKey);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject.LegalName);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject.TaxCode);
        RequirePositive(validity);
        RequireIssuer(issuer, issuerKey);

        var notBefore = Later(now - Backdate, new DateTimeOffset(issuer.NotBefore));
        var notAfter = Earlier(now + validity, new DateTimeOffset(issuer.NotAfter));
        if (notAfter <= notBefore)
            throw new ArgumentException($"The issuer is not valid at {now:O}.", nameof(issuer));

        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var request = new CertificateRequest(SubjectName(subject), key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(
                X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(DocumentSigningOid)], false));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
            var certificate = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey),
                notBefore, notAfter, NewSerialNumber());
            return (certificate, key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static X500DistinguishedName SubjectName(SignerIdentity subject)
    {
        var legalName = Clean(subject.LegalName);
        // Added most specific first: the builder encodes in reverse, so DER reads C, O, OU, UID, CN like any CA's.
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(legalName);
        name.Add(UserIdOid, TaxCodePrefix + Clean(subject.TaxCode));
        name.AddOrganizationalUnitName(subject.OrganisationId.ToString());
        name.AddOrganizationName(legalName);
        name.AddCountryOrRegion("VN");
        return name.Build();
    }

    private static void RequireIssuer(X509Certificate2 issuer, ECDsa issuerKey)
    {
        var constraints = issuer.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is not { CertificateAuthority: true })
            throw new ArgumentException("The issuer certificate is not a certificate authority.", nameof(issuer));
        using var issuerPublicKey = issuer.GetECDsaPublicKey()
            ?? throw new ArgumentException("The issuer certificate does not have an ECDSA key.", nameof(issuer));
        if (!issuerPublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(issuerKey.ExportSubjectPublicKeyInfo()))
            throw new ArgumentException("The issuer key does not belong to the issuer certificate.", nameof(issuerKey));
    }

    // 16 random bytes, high bit clear (a positive INTEGER) and the next one set (no leading zero byte to trim).
    private static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }

    private static string Clean(string value) => value.Trim().Normalize(NormalizationForm.FormC);

    private static void RequirePositive(TimeSpan validity)
    {
        if (validity <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(validity), validity, "A certificate must be valid for some time.");
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
