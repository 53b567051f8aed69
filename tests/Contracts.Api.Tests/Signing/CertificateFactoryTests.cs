using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Matchmaking.ContractSigning.Signing;
using Xunit;

namespace Matchmaking.ContractSigning.Tests.Signing;

public sealed class CertificateFactoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_root_is_a_certificate_authority_for_signing_certificates_only()
    {
        var (root, key) = CertificateFactory.CreateRoot("Green Link Platform Root CA", Now, TimeSpan.FromDays(3650));
        using (root)
        using (key)
        {
            Assert.Equal("CN=Green Link Platform Root CA, O=Green Link Matchmaking Platform, C=VN", root.Subject);
            Assert.Equal(root.Subject, root.Issuer);
            Assert.False(root.HasPrivateKey);
            var constraints = Assert.Single(root.Extensions.OfType<X509BasicConstraintsExtension>());
            Assert.True(constraints.Critical && constraints.CertificateAuthority);
            var usage = Assert.Single(root.Extensions.OfType<X509KeyUsageExtension>());
            Assert.True(usage.Critical);
            Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
            Assert.Single(root.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
            Assert.Equal(Now.AddMinutes(-5), new DateTimeOffset(root.NotBefore));
        }
    }

    [Fact]
    public void A_signing_certificate_names_the_organisation_its_tax_code_and_its_id()
    {
        using var pki = new TestPki(now: Now);
        var organisationId = Guid.NewGuid();
        using var certificate = pki.Issue("Hợp tác xã Mây tre đan Phú Vinh", " 0500123456 ", Now, organisationId: organisationId);

        Assert.Equal("0500123456", CertificateNames.TaxCodeOf(certificate));
        Assert.Equal($"CN=Hợp tác xã Mây tre đan Phú Vinh, OID.0.9.2342.19200300.100.1.1=MST:0500123456, OU={organisationId}, " +
            "O=Hợp tác xã Mây tre đan Phú Vinh, C=VN", certificate.Subject.Replace("userId=", "OID.0.9.2342.19200300.100.1.1="));
        Assert.Equal(pki.Root.Subject, certificate.Issuer);
    }

    [Fact]
    public void Vietnamese_names_are_encoded_as_UTF8String()
    {
        using var pki = new TestPki(now: Now);
        using var certificate = pki.Issue("Hợp tác xã Mây tre đan Phú Vinh", now: Now);
        var name = Encoding.UTF8.GetBytes("Hợp tác xã Mây tre đan Phú Vinh");
        var utf8String = new byte[] { (byte)UniversalTagNumber.UTF8String, (byte)name.Length }.Concat(name).ToArray();
        Assert.True(certificate.SubjectName.RawData.AsSpan().IndexOf(utf8String) >= 0);
    }

    [Fact]
    public void A_signing_certificate_is_for_document_signing_and_points_at_its_issuer()
    {
        using var pki = new TestPki(now: Now);
        using var certificate = pki.Issue(now: Now, validity: TimeSpan.FromDays(730));

        var constraints = Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.False(constraints.CertificateAuthority);
        var usage = Assert.Single(certificate.Extensions.OfType<X509KeyUsageExtension>());
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, usage.KeyUsages);
        var purposes = Assert.Single(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()).EnhancedKeyUsages;
        Assert.Equal(CertificateFactory.DocumentSigningOid, Assert.Single(purposes.Cast<Oid>()).Value);
        var authorityKey = Assert.Single(certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>());
        var rootKey = Assert.Single(pki.Root.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        Assert.Equal(rootKey.SubjectKeyIdentifierBytes.ToArray(), authorityKey.KeyIdentifier!.Value.ToArray());
        Assert.Single(certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        Assert.Equal(Now.AddMinutes(-5), new DateTimeOffset(certificate.NotBefore));
        Assert.Equal(Now.AddDays(730), new DateTimeOffset(certificate.NotAfter));
    }

    [Fact]
    public void Serial_numbers_are_random_positive_16_byte_integers()
    {
        using var pki = new TestPki();
        var serials = Enumerable.Range(0, 20).Select(_ => pki.Issue().SerialNumberBytes.ToArray()).ToList();
        Assert.All(serials, s => Assert.Equal(16, s.Length));
        Assert.All(serials, s => Assert.True(new BigInteger(s, isUnsigned: false, isBigEndian: true) > 0));
        Assert.Equal(serials.Count, serials.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void A_certificate_cannot_outlive_its_issuer()
    {
        var (root, rootKey) = CertificateFactory.CreateRoot("Short-lived CA", Now, TimeSpan.FromDays(30));
        using (root)
        using (rootKey)
        {
            var (certificate, key) = CertificateFactory.IssueSigningCertificate(root, rootKey,
                new SignerIdentity(Guid.NewGuid(), "Công ty A", "0101234567"), Now, TimeSpan.FromDays(730));
            using (certificate)
            using (key)
                Assert.Equal(root.NotAfter, certificate.NotAfter);
        }
    }

    [Fact]
    public void Issuing_with_a_key_that_is_not_the_issuers_is_refused()
    {
        using var pki = new TestPki();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Throws<ArgumentException>(() => CertificateFactory.IssueSigningCertificate(pki.Root, otherKey,
            new SignerIdentity(Guid.NewGuid(), "Công ty A", "0101234567"), DateTimeOffset.UtcNow, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Issuing_from_a_certificate_that_is_not_a_CA_is_refused()
    {
        using var pki = new TestPki();
        var leaf = pki.Issue();
        using var leafKey = leaf.GetECDsaPrivateKey()!;
        Assert.Throws<ArgumentException>(() => CertificateFactory.IssueSigningCertificate(leaf, leafKey,
            new SignerIdentity(Guid.NewGuid(), "Công ty A", "0101234567"), DateTimeOffset.UtcNow, TimeSpan.FromDays(1)));
    }

    [Theory]
    [InlineData("CN=Công ty B, OID.0.9.2342.19200300.100.1.1=MST: 0312345678 , C=VN", "0312345678")]
    [InlineData("CN=Công ty B, OID.0.9.2342.19200300.100.1.1=mst:0312345678-001, C=VN", "0312345678-001")]
    [InlineData("CN=Nguyễn Văn A, OID.0.9.2342.19200300.100.1.1=CCCD:001234567890, C=VN", null)]
    [InlineData("CN=Công ty B, O=MST:0312345678, C=VN", null)]
    public void The_tax_code_is_read_from_the_subject_UID(string subject, string? taxCode)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(taxCode, CertificateNames.TaxCodeOf(certificate));
    }

    [Fact]
    public void The_fingerprint_is_the_lower_case_SHA256_of_the_certificate_and_PEM_round_trips()
    {
        using var pki = new TestPki();
        var certificate = pki.Issue();

        Assert.Equal(Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant(), CertificateNames.Fingerprint(certificate));
        var pem = CertificateNames.ToPem(certificate);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", pem);
        Assert.EndsWith("-----END CERTIFICATE-----\n", pem);
        using var back = CertificateNames.FromPem(pem);
        Assert.Equal(certificate.RawData, back.RawData);
        var both = CertificateNames.AllFromPem(pem + CertificateNames.ToPem(pki.Root));
        Assert.Equal([certificate.Thumbprint, pki.Root.Thumbprint], both.Select(c => c.Thumbprint));
        Assert.ThrowsAny<CryptographicException>(() => CertificateNames.FromPem("no certificate here"));
    }
}
