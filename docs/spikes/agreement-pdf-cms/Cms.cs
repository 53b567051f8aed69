using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

public static class PlatformCa
{
    // Root CA: ECDSA P-256 (RSA 3072 also fine, see FINDINGS timings), 10y, pathlen 0.
    public static X509Certificate2 CreateRoot(string cn, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={cn}, O=GreenB2B, C=VN", key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        return req.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }

    // Organisation signing cert. ekuOid: null = no EKU (openssl default smimesign purpose accepts it);
    // "1.3.6.1.5.5.7.3.36" = id-kp-documentSigning (RFC 9336) -> openssl needs -purpose any.
    public static X509Certificate2 IssueOrgCert(X509Certificate2 ca, string orgName, string orgId, ECDsa orgKey,
        DateTimeOffset now, string? ekuOid, byte[] serial)
    {
        var req = new CertificateRequest($"CN={orgName}, OU={orgId}, O=GreenB2B member, C=VN", orgKey, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        if (ekuOid != null)
            req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(ekuOid) }, false));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        // Issuer key must be attached to `ca` (CreateSelfSigned result has it).
        return req.Create(ca, now.AddMinutes(-5), now.AddYears(2), serial); // public-only cert
    }
}

public static class CmsSigner2
{
    public static byte[] SignDetached(byte[] content, X509Certificate2 certWithKey, DateTime signingTimeUtc)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certWithKey)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTimeUtc));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode(); // DER
    }

    public sealed record Result(bool Ok, string? Error, X509Certificate2? Signer, DateTime? SigningTime);

    // Verify against the platform CA only. Revocation is checked by the caller against the platform's own
    // revocation table using the returned signing time.
    public static Result Verify(byte[] content, byte[] p7s, X509Certificate2 caCert)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try { cms.Decode(p7s); } catch (CryptographicException e) { return new(false, "decode: " + e.Message, null, null); }
        if (cms.SignerInfos.Count != 1) return new(false, "expected exactly one signer", null, null);
        var si = cms.SignerInfos[0];
        if (si.DigestAlgorithm.Value != "2.16.840.1.101.3.4.2.1") return new(false, "digest not SHA-256", null, null);
        try { si.CheckSignature(new X509Certificate2Collection(), verifySignatureOnly: true); } // hash + signature over content
        catch (CryptographicException e) { return new(false, "signature: " + e.Message, null, null); }
        var cert = si.Certificate;
        if (cert == null) return new(false, "no signer cert", null, null);
        DateTime? st = si.SignedAttributes.OfType<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == "1.2.840.113549.1.9.5")
            .Select(a => (DateTime?)new Pkcs9SigningTime(a.Values[0].RawData).SigningTime).FirstOrDefault();
        if (st == null) return new(false, "no signing time", cert, null);

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(caCert);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = st.Value.ToLocalTime(); // validity judged at signing time
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (!chain.Build(cert))
            return new(false, "chain: " + string.Join("; ", chain.ChainStatus.Select(s => s.Status + " " + s.StatusInformation)), cert, st);
        if (!chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(caCert.RawDataMemory.Span))
            return new(false, "chain does not end at platform CA", cert, st);
        var ku = cert.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (ku == null || (ku.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
            return new(false, "key usage", cert, st);
        return new(true, null, cert, st);
    }
}

public static class KeyVault
{
    // Encrypted PKCS#8 (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC). Password = base64 of a 32-byte master key from config/secret
    // (high entropy, so iteration count only needs to be modest). openssl can read it: `openssl pkey -in k.pem -passin ...`
    static readonly PbeParameters Pbe = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000);

    public static string Protect(ECDsa key, string masterKeyB64) =>
        PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", key.ExportEncryptedPkcs8PrivateKey(masterKeyB64, Pbe));

    public static ECDsa Unprotect(string pem, string masterKeyB64)
    {
        var k = ECDsa.Create();
        k.ImportFromEncryptedPem(pem, masterKeyB64);
        return k;
    }
}
