using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Matchmaking.ContractSigning.Signing;
using Xunit;

namespace Matchmaking.ContractSigning.Tests.Signing;

public sealed class SignatureVerifierTests : IDisposable
{
    private readonly TestPki pki = new();
    private readonly byte[] document = TestPki.Document();

    public void Dispose() => pki.Dispose();

    [Fact]
    public void A_signature_over_the_document_is_valid_and_names_its_signer()
    {
        var certificate = pki.Issue("Hợp tác xã Mây tre đan Phú Vinh", "0500123456");
        var signature = CmsSignatures.SignDetached(document, certificate, DateTimeOffset.UtcNow);
        var check = pki.Verifier().Verify(document, signature);

        Assert.True(check.Valid, string.Join("; ", check.Problems));
        Assert.True(check.Matches && check.Trusted);
        Assert.Empty(check.Problems);
        Assert.Equal("0500123456", check.TaxCode);
        Assert.Equal(CertificateNames.Fingerprint(certificate), check.Fingerprint);
        Assert.Equal(certificate.Subject, check.Subject);
        Assert.Equal(pki.Root.Subject, check.TrustAnchorSubject);
        Assert.Equal(certificate.RawData, check.Certificate!.RawData);
    }

    [Fact]
    public void The_signing_time_is_carried_to_the_second()
    {
        var certificate = pki.Issue();
        var signedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var check = pki.Verifier().Verify(document, CmsSignatures.SignDetached(document, certificate, signedAt));
        Assert.Equal(CmsSignatures.TruncateToSeconds(signedAt), check.SigningTime);
        Assert.Equal(CmsSignatures.TruncateToSeconds(signedAt), check.CheckedAt);
    }

    [Fact]
    public void One_flipped_byte_in_the_document_breaks_the_match()
    {
        var signature = CmsSignatures.SignDetached(document, pki.Issue(), DateTimeOffset.UtcNow);
        var changed = (byte[])document.Clone();
        changed[changed.Length / 2] ^= 0x01;

        var check = pki.Verifier().Verify(changed, signature);
        Assert.False(check.Matches);
        Assert.False(check.Valid);
        Assert.Contains(check.Problems, p => p.Contains("does not match the document"));
        Assert.True(check.Trusted);
    }

    [Fact]
    public void A_certificate_from_a_CA_that_is_not_a_trust_anchor_is_not_trusted()
    {
        using var rogue = new TestPki("Green Link Platform Root CA");
        var signature = CmsSignatures.SignDetached(document, rogue.Issue(), DateTimeOffset.UtcNow);

        var check = pki.Verifier().Verify(document, signature);
        Assert.True(check.Matches);
        Assert.False(check.Trusted);
        Assert.Null(check.TrustAnchorSubject);
        Assert.Contains(check.Problems, p => p.Contains("does not chain to a trusted certificate authority"));
    }

    [Fact]
    public void A_certificate_expired_at_signing_time_is_not_trusted()
    {
        using var pki = new TestPki(now: DateTimeOffset.UtcNow.AddYears(-2));
        var expired = pki.Issue(now: DateTimeOffset.UtcNow.AddDays(-400), validity: TimeSpan.FromDays(365));
        var signature = CmsSignatures.SignDetached(document, expired, DateTimeOffset.UtcNow);

        var check = pki.Verifier().Verify(document, signature);
        Assert.True(check.Matches);
        Assert.False(check.Trusted);
        Assert.Contains(check.Problems, p => p.Contains("certificate was not valid at"));
    }

    [Fact]
    public void A_signature_made_while_the_certificate_was_valid_is_judged_at_its_signing_time()
    {
        using var pki = new TestPki(now: DateTimeOffset.UtcNow.AddYears(-2));
        var expired = pki.Issue(now: DateTimeOffset.UtcNow.AddDays(-400), validity: TimeSpan.FromDays(365));
        var signature = CmsSignatures.SignDetached(document, expired, DateTimeOffset.UtcNow.AddDays(-100));

        Assert.True(pki.Verifier().Verify(document, signature).Valid);
        var now = pki.Verifier().Verify(document, signature, at: DateTimeOffset.UtcNow);
        Assert.False(now.Trusted);
        Assert.Contains(now.Problems, p => p.Contains("certificate was not valid at"));
    }

    [Fact]
    public void A_certificate_not_yet_valid_at_signing_time_is_not_trusted()
    {
        var future = pki.Issue(now: DateTimeOffset.UtcNow.AddDays(10));
        var check = pki.Verifier().Verify(document, CmsSignatures.SignDetached(document, future, DateTimeOffset.UtcNow));
        Assert.False(check.Trusted);
        Assert.Contains(check.Problems, p => p.Contains("certificate was not valid at"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Malformed_signature_bytes_do_not_match_and_do_not_throw(int kind)
    {
        var good = CmsSignatures.SignDetached(document, pki.Issue(), DateTimeOffset.UtcNow);
        var bad = kind switch
        {
            0 => [],
            1 => RandomNumberGenerator.GetBytes(300),
            2 => good[..(good.Length / 2)],
            _ => "-----BEGIN PKCS7-----"u8.ToArray(),
        };

        var check = pki.Verifier().Verify(document, bad);
        Assert.False(check.Matches);
        Assert.False(check.Trusted);
        Assert.NotEmpty(check.Problems);
    }

    [Fact]
    public void A_signature_with_two_signers_is_refused()
    {
        var cms = new SignedCms(new ContentInfo(document), detached: true);
        cms.ComputeSignature(new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, pki.Issue()) { DigestAlgorithm = new Oid(CmsSignatures.Sha256Oid) }, true);
        cms.ComputeSignature(new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, pki.Issue()) { DigestAlgorithm = new Oid(CmsSignatures.Sha256Oid) }, true);

        var check = pki.Verifier().Verify(document, cms.Encode());
        Assert.False(check.Matches);
        Assert.Contains(check.Problems, p => p.Contains("exactly one"));
    }

    [Fact]
    public void A_digest_other_than_SHA256_is_refused()
    {
        var cms = new SignedCms(new ContentInfo(document), detached: true);
        cms.ComputeSignature(new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, pki.Issue()) { DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.2") }, true);

        var check = pki.Verifier().Verify(document, cms.Encode());
        Assert.False(check.Matches);
        Assert.Contains(check.Problems, p => p.Contains("SHA-256 is required"));
    }

    [Fact]
    public void A_certificate_whose_key_usage_does_not_allow_signing_is_not_trusted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Công ty C, C=VN", key, HashAlgorithmName.SHA256);
        // Certificate signing only: .NET will not even hand out an ECDSA key whose usage is key agreement alone.
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(pki.Root, true, false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(pki.Root.SubjectName, X509SignatureGenerator.CreateForECDsa(pki.RootKey),
            now.AddMinutes(-5), now.AddDays(30), [0x42, 0x01, 0x02]);
        using var withKey = certificate.CopyWithPrivateKey(key);

        var check = pki.Verifier().Verify(document, CmsSignatures.SignDetached(document, withKey, now));
        Assert.True(check.Matches);
        Assert.False(check.Trusted);
        Assert.Contains(check.Problems, p => p.Contains("key usage"));
    }

    [Fact]
    public void A_certificate_alone_is_checked_against_the_anchors()
    {
        using var rogue = new TestPki();
        var verifier = pki.Verifier();
        var now = DateTimeOffset.UtcNow;

        var ours = verifier.VerifyCertificate(pki.Issue(taxCode: "0101234567"), now);
        Assert.True(ours.Valid, string.Join("; ", ours.Problems));
        Assert.Equal("0101234567", ours.TaxCode);
        Assert.False(verifier.VerifyCertificate(rogue.Issue(), now).Trusted);
        Assert.False(verifier.VerifyCertificate(pki.Issue(), now.AddYears(3)).Trusted);
    }

    [Fact]
    public void A_signature_made_with_a_certificate_and_its_key_held_apart_verifies()
    {
        var (certificate, key) = CertificateFactory.IssueSigningCertificate(pki.Root, pki.RootKey,
            new SignerIdentity(Guid.NewGuid(), "Công ty D", "0109876543"), DateTimeOffset.UtcNow, TimeSpan.FromDays(30));
        using (certificate)
        using (key)
        using (var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            Assert.True(pki.Verifier().Verify(document, CmsSignatures.SignDetached(document, certificate, key, DateTimeOffset.UtcNow)).Valid);
            Assert.Throws<ArgumentException>(() => CmsSignatures.SignDetached(document, certificate, otherKey, DateTimeOffset.UtcNow));
            Assert.Throws<ArgumentException>(() => CmsSignatures.SignDetached(document, certificate, DateTimeOffset.UtcNow));
        }
    }

    [Fact]
    public void One_verifier_serves_many_threads()
    {
        var verifier = pki.Verifier();
        var certificate = pki.Issue();
        var signature = CmsSignatures.SignDetached(document, certificate, DateTimeOffset.UtcNow);
        var changed = (byte[])document.Clone();
        changed[0] ^= 0xFF;

        var results = new bool[64];
        Parallel.For(0, results.Length, i =>
            results[i] = i % 2 == 0 ? verifier.Verify(document, signature).Valid : !verifier.Verify(changed, signature).Matches);
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void The_verifier_keeps_its_own_copies_of_the_anchors()
    {
        using var anchor = X509CertificateLoader.LoadCertificate(pki.Root.RawData);
        var verifier = new SignatureVerifier([anchor, anchor]);
        anchor.Dispose();

        Assert.Single(verifier.TrustAnchors);
        var signature = CmsSignatures.SignDetached(document, pki.Issue(), DateTimeOffset.UtcNow);
        Assert.True(verifier.Verify(document, signature).Valid);
    }
}
