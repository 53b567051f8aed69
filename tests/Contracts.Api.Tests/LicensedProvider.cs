using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>
/// Stands in for a licensed Vietnamese certificate provider, built with plain .NET (not the service's own certificate
/// code): an RSA root, and organisation certificates whose subject names the tax code as UID=MST:{code}, the way those
/// providers write it. Signing with them is what a party does off-platform: a CMS detached SHA-256 signature.
/// </summary>
public sealed class LicensedProvider : IDisposable
{
    private const string UserIdOid = "0.9.2342.19200300.100.1.1";
    private readonly RSA _rootKey;

    public X509Certificate2 Root { get; }
    public string RootPem => Root.ExportCertificatePem() + "\n";

    private LicensedProvider(string name)
    {
        _rootKey = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O={name}, C=VN", _rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Valid from years back, so tests can issue certificates that have already expired.
        Root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(10));
    }

    public static LicensedProvider Create(string name = "VN Test Licensed Signing CA") => new(name);

    /// <summary>An organisation's certificate with its private key, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public X509Certificate2 Issue(string legalName, string taxCode, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("VN");
        subject.AddOrganizationName(legalName);
        subject.Add(UserIdOid, $"MST:{taxCode}", UniversalTagNumber.UTF8String);
        subject.AddCommonName(legalName);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        var from = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1);
        // Root came from CreateSelfSigned, so it carries its private key and can issue.
        using var issued = request.Create(Root, from, notAfter ?? from.AddYears(2), RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>What the party uploads: a DER CMS SignedData over <paramref name="content"/>, detached, SHA-256, with its certificate and signing time.</summary>
    public static byte[] Sign(byte[] content, X509Certificate2 certificateWithKey, DateTimeOffset? signingTime = null)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificateWithKey)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime((signingTime ?? DateTimeOffset.UtcNow).UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    public void Dispose()
    {
        Root.Dispose();
        _rootKey.Dispose();
    }
}
