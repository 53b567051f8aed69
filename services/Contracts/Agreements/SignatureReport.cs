using System.Security.Cryptography.X509Certificates;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Certificates;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Signing;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// Rechecks every signature an agreement has, from the stored bytes: a stored signature is valid when its CMS matches the
/// stored PDF of its version, its certificate chained to a trust anchor when the platform accepted it, its certificate was
/// not revoked before that, and it is on the current version (older ones are reported as superseded and do not count).
/// </summary>
public sealed class SignatureReport(ContractsDbContext db, TrustStore trust)
{
    public async Task<SignatureVerificationResponse> ForAgreementAsync(Agreement agreement, CancellationToken ct)
    {
        var signatures = await db.Signatures.AsNoTracking().Where(s => s.AgreementId == agreement.Id)
            .OrderBy(s => s.Version).ThenBy(s => s.AcceptedAt).ToListAsync(ct);
        var versions = signatures.Select(s => s.Version).Distinct().ToList();
        var documents = await db.Versions.AsNoTracking().Where(v => v.AgreementId == agreement.Id && versions.Contains(v.Version))
            .ToDictionaryAsync(v => v.Version, v => v.Document, ct);
        var revocations = await RevocationsAsync(signatures.Select(s => s.CertificateFingerprint), ct);
        var verifier = await trust.VerifierAsync(ct);

        var report = signatures.Select(s =>
        {
            var check = verifier.Verify(documents[s.Version], s.Signature, s.AcceptedAt);
            var revokedAt = revocations.TryGetValue(s.CertificateFingerprint, out var at) ? at : (DateTimeOffset?)null;
            var problems = check.Problems.ToList();
            var superseded = s.Version != agreement.CurrentVersion;
            if (superseded) problems.Add($"Superseded: the agreement was amended to version {agreement.CurrentVersion}, so this signature no longer counts.");
            var revokedBefore = revokedAt is { } r && r <= s.AcceptedAt;
            if (revokedBefore) problems.Add($"The certificate was revoked at {revokedAt:u}, before the platform accepted this signature.");
            return new SignatureValidityResponse(s.Side, s.OrganisationId, s.Version, superseded, check.Matches && check.Trusted && !revokedBefore && !superseded,
                check.Matches, check.Trusted, revokedAt is not null, check.Subject ?? s.CertificateSubject, check.Fingerprint ?? s.CertificateFingerprint,
                check.SigningTime ?? s.SigningTime, s.AcceptedAt, revokedAt, problems);
        }).ToList();
        var counted = report.Where(r => !r.Superseded).ToList();
        return new SignatureVerificationResponse(agreement.Id, agreement.CurrentVersion, counted.Count > 0 && counted.All(r => r.Valid), report);
    }

    /// <summary>Any document and signature: who signed, whether they match, and which agreement version the bytes are, if any.</summary>
    public async Task<DocumentVerificationResponse> ForDocumentAsync(byte[] document, byte[] signature, CancellationToken ct)
    {
        var check = (await trust.VerifierAsync(ct)).Verify(document, signature);
        var hash = VersionDocuments.Sha256(document);
        var version = await db.Versions.AsNoTracking().Where(v => v.DocumentSha256 == hash)
            .Select(v => new { v.AgreementId, v.Version }).FirstOrDefaultAsync(ct);
        var agreement = version is null ? null
            : await db.Agreements.AsNoTracking().Where(a => a.Id == version.AgreementId).Select(a => new VerifiedAgreementResponse(a.Id, a.Number, version.Version))
                .SingleAsync(ct);
        var registered = check.Fingerprint is null ? null
            : await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Fingerprint == check.Fingerprint, ct);
        // When the platform accepted this very signature, that time, not the signer's claimed signing time, decides revocation.
        var accepted = version is null || check.Fingerprint is null ? null
            : await db.Signatures.AsNoTracking()
                .Where(s => s.AgreementId == version.AgreementId && s.Version == version.Version && s.CertificateFingerprint == check.Fingerprint)
                .Select(s => new { s.AcceptedAt, s.OrganisationId }).FirstOrDefaultAsync(ct);

        var problems = check.Problems.ToList();
        var revokedBefore = registered?.RevokedAt is { } revokedAt && !(accepted is not null && accepted.AcceptedAt < revokedAt);
        if (revokedBefore)
            problems.Add($"The certificate was revoked at {registered!.RevokedAt:u} and the platform has no record of accepting this signature before then.");
        var signer = check.Certificate is null ? null
            : new SignerResponse(check.Subject, check.TaxCode, check.Fingerprint, registered?.OrganisationId ?? accepted?.OrganisationId);
        return new DocumentVerificationResponse(check.Matches, check.Trusted, registered?.RevokedAt is not null, check.Matches && check.Trusted && !revokedBefore,
            signer, check.SigningTime, agreement, problems);
    }

    public async Task<Dictionary<string, DateTimeOffset>> RevocationsAsync(IEnumerable<string> fingerprints, CancellationToken ct)
    {
        var wanted = fingerprints.Distinct().ToList();
        return await db.Certificates.AsNoTracking().Where(c => wanted.Contains(c.Fingerprint) && c.RevokedAt != null)
            .ToDictionaryAsync(c => c.Fingerprint, c => c.RevokedAt!.Value, ct);
    }
}
