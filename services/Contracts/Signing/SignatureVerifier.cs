using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Matchmaking.ContractSigning.Signing;

/// <summary>Checks CMS detached signatures against configured trust anchors (revocation is the caller's business).</summary>
/// <remarks>
/// Thread-safe: the anchors are private copies that are only read, and every check builds its own chain. Never throws for
/// bad input; what is wrong ends up in <see cref="SignatureCheck.Problems"/>.
/// </remarks>
public sealed class SignatureVerifier
{
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";
    private static readonly X509KeyUsageFlags SigningUsages = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;

    private readonly X509Certificate2[] anchors;
    private readonly TimeProvider time;

    public SignatureVerifier(IEnumerable<X509Certificate2> trustAnchors) : this(trustAnchors, TimeProvider.System) { }

    /// <param name="trustAnchors">The certificate authorities to trust (copied).</param>
    /// <param name="time">What "now" is when neither the caller nor the signature says when to judge the certificate.</param>
    public SignatureVerifier(IEnumerable<X509Certificate2> trustAnchors, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trustAnchors);
        ArgumentNullException.ThrowIfNull(time);
        // Copies without private keys, deduplicated: the caller may dispose its own instances.
        anchors = [.. trustAnchors
            .DistinctBy(CertificateNames.Fingerprint)
            .Select(a => X509CertificateLoader.LoadCertificate(a.RawData))];
        this.time = time;
    }

    public IReadOnlyList<X509Certificate2> TrustAnchors => anchors;

    /// <param name="content">The exact bytes that were signed.</param>
    /// <param name="signature">A CMS detached SignedData, DER.</param>
    /// <param name="at">When the certificate must have been valid: defaults to the signature's signing time, else now.</param>
    public SignatureCheck Verify(byte[] content, byte[] signature, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(signature);

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(signature);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or ArgumentException)
        {
            return Refused("The signature is not a CMS (PKCS #7) SignedData structure.");
        }
        if (cms.SignerInfos.Count != 1)
            return Refused($"The signature has {cms.SignerInfos.Count} signers; exactly one is expected.");

        var signer = cms.SignerInfos[0];
        var certificate = signer.Certificate;
        var signingTime = SigningTimeOf(signer, out var timeProblem);
        var problems = new List<string>();
        if (timeProblem is not null)
            problems.Add(timeProblem);
        var matches = Matches(signer, certificate, problems);
        if (certificate is null)
            return new SignatureCheck { Matches = false, Trusted = false, SigningTime = signingTime, Problems = problems };

        var checkedAt = at ?? signingTime ?? time.GetUtcNow();
        var trust = CheckTrust(certificate, checkedAt, Intermediates(cms, certificate), problems);
        return Describe(certificate, matches, trust, checkedAt, problems) with { SigningTime = signingTime };
    }

    /// <summary>Checks a certificate alone (for registering a certificate before it is used); Matches is true, meaning not applicable.</summary>
    public SignatureCheck VerifyCertificate(X509Certificate2 certificate, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var problems = new List<string>();
        var trust = CheckTrust(certificate, at, [], problems);
        return Describe(certificate, true, trust, at, problems);
    }

    private static bool Matches(SignerInfo signer, X509Certificate2? certificate, List<string> problems)
    {
        if (signer.DigestAlgorithm.Value != CmsSignatures.Sha256Oid)
        {
            problems.Add($"The digest algorithm is {Describe(signer.DigestAlgorithm)}; SHA-256 is required.");
            return false;
        }
        if (certificate is null)
        {
            problems.Add("The signature does not carry the signer's certificate.");
            return false;
        }
        try
        {
            // Checks the message digest over the document and the signature over the signed attributes; trust comes later.
            signer.CheckSignature(new X509Certificate2Collection(), verifySignatureOnly: true);
            return true;
        }
        catch (CryptographicException)
        {
            problems.Add("The signature does not match the document: the document was changed or the signature was made over another one.");
            return false;
        }
    }

    private static DateTimeOffset? SigningTimeOf(SignerInfo signer, out string? problem)
    {
        problem = null;
        foreach (var attribute in signer.SignedAttributes)
        {
            if (attribute.Oid.Value != SigningTimeOid || attribute.Values.Count == 0)
                continue;
            try
            {
                var value = attribute.Values[0] as Pkcs9SigningTime ?? new Pkcs9SigningTime(attribute.Values[0].RawData);
                var utc = value.SigningTime.Kind == DateTimeKind.Local
                    ? value.SigningTime.ToUniversalTime()
                    : DateTime.SpecifyKind(value.SigningTime, DateTimeKind.Utc);
                return new DateTimeOffset(utc);
            }
            catch (CryptographicException)
            {
                problem = "The signing-time attribute is malformed.";
                return null;
            }
        }
        return null;
    }

    // Certificates the signature carries besides the signer's: intermediates a licensed CA may include.
    private static X509Certificate2[] Intermediates(SignedCms cms, X509Certificate2 signerCertificate)
    {
        var all = cms.Certificates;
        var others = all.Where(c => !c.RawDataMemory.Span.SequenceEqual(signerCertificate.RawDataMemory.Span)).ToArray();
        foreach (var same in all.Except(others))
            same.Dispose();
        return others;
    }

    private sealed record Trust(bool Trusted, string? AnchorSubject);

    private Trust CheckTrust(X509Certificate2 certificate, DateTimeOffset at, X509Certificate2[] intermediates, List<string> problems)
    {
        var ownProblems = new List<string>();
        if (at < new DateTimeOffset(certificate.NotBefore) || at > new DateTimeOffset(certificate.NotAfter))
            ownProblems.Add($"The certificate was not valid at {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC " +
                $"(valid from {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm:ss} to {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC).");
        if (!AllowsSigning(certificate))
            ownProblems.Add("The certificate's key usage allows neither digital signatures nor non-repudiation.");

        string? anchorSubject = null;
        using (var chain = new X509Chain())
        {
            var policy = chain.ChainPolicy;
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(anchors);
            policy.ExtraStore.AddRange(intermediates);
            policy.RevocationMode = X509RevocationMode.NoCheck;
            policy.DisableCertificateDownloads = true;
            policy.VerificationTime = at.UtcDateTime;
            policy.VerificationTimeIgnored = false;
            try
            {
                var built = chain.Build(certificate);
                var root = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
                var anchor = root is null ? null : anchors.FirstOrDefault(a => a.RawDataMemory.Span.SequenceEqual(root.RawDataMemory.Span));
                if (anchor is null)
                    ownProblems.Add("The certificate does not chain to a trusted certificate authority.");
                else if (!built)
                    ownProblems.AddRange(ChainProblems(chain, at));
                if (built && anchor is not null)
                    anchorSubject = anchor.Subject;
            }
            finally
            {
                foreach (var element in chain.ChainElements)
                    element.Certificate.Dispose();
                foreach (var intermediate in intermediates)
                    intermediate.Dispose();
            }
        }

        var distinct = ownProblems.Distinct().ToList();
        problems.AddRange(distinct);
        return new Trust(distinct.Count == 0, distinct.Count == 0 ? anchorSubject : null);
    }

    // The end certificate's own validity is already reported in plain words; these are the rest of the chain's complaints.
    private static IEnumerable<string> ChainProblems(X509Chain chain, DateTimeOffset at)
    {
        for (var i = 0; i < chain.ChainElements.Count; i++)
        {
            var element = chain.ChainElements[i];
            foreach (var status in element.ChainElementStatus)
            {
                if (status.Status == X509ChainStatusFlags.NoError || (i == 0 && status.Status == X509ChainStatusFlags.NotTimeValid))
                    continue;
                yield return status.Status switch
                {
                    X509ChainStatusFlags.NotTimeValid =>
                        $"The issuing certificate {element.Certificate.Subject} was not valid at {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.",
                    X509ChainStatusFlags.NotSignatureValid => $"The signature on the certificate {element.Certificate.Subject} is not valid.",
                    X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain =>
                        "The certificate does not chain to a trusted certificate authority.",
                    _ => $"The certificate chain is not acceptable: {status.Status} ({status.StatusInformation.Trim()}).",
                };
            }
        }
    }

    // No key-usage extension means no restriction (RFC 5280 §4.2.1.3).
    private static bool AllowsSigning(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is not { } usage
        || (usage.KeyUsages & SigningUsages) != 0;

    private static SignatureCheck Describe(X509Certificate2 certificate, bool matches, Trust trust, DateTimeOffset checkedAt, List<string> problems) =>
        new()
        {
            Matches = matches,
            Certificate = certificate,
            Fingerprint = CertificateNames.Fingerprint(certificate),
            Subject = certificate.Subject,
            TaxCode = CertificateNames.TaxCodeOf(certificate),
            Trusted = trust.Trusted,
            TrustAnchorSubject = trust.AnchorSubject,
            CheckedAt = checkedAt,
            Problems = problems,
        };

    private static SignatureCheck Refused(string problem) => new() { Matches = false, Trusted = false, Problems = [problem] };

    private static string Describe(Oid oid) => oid.FriendlyName is { Length: > 0 } name ? $"{name} ({oid.Value})" : oid.Value ?? "unknown";
}
