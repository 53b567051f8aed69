using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ContractSigning.Signing;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.ContractSigning.Certificates;

/// <summary>
/// Organisations' signing certificates: issued by the platform CA on request (one usable at a time), or registered from
/// a licensed provider so that they can be revoked here. Revoking one keeps the signatures it made before valid and
/// refuses any after.
/// </summary>
public sealed class CertificateService(ContractsDbContext db, PlatformAuthority authority, TrustStore trust, KeyProtector keys, TimeProvider clock,
    ILogger<CertificateService> logger)
{
    public Task<List<SigningCertificate>> ListAsync(Guid organisationId, CancellationToken ct) =>
        db.Certificates.AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);

    public async Task<SigningCertificate> IssueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var organisationId = user.RequireCertificateManager("request a signing certificate");
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two requests at once would both see no usable certificate; the advisory lock makes them take turns.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({organisationId.ToString()}, 5))", ct);
        var platformCertificates = await db.Certificates.Where(c => c.OrganisationId == organisationId && c.Source == SigningCertificate.Platform).ToListAsync(ct);
        if (platformCertificates.FirstOrDefault(c => c.IsUsable(now)) is { } usable)
            throw new ConflictException($"The organisation already has a usable signing certificate ({usable.Fingerprint}); revoke it before requesting another.");

        var identity = await IdentityOfAsync(organisationId, ct);
        var (certificate, key) = await authority.IssueAsync(identity, ct);
        using (key)
        {
            var record = Record(organisationId, SigningCertificate.Platform, certificate, identity.TaxCode, keys.Protect(key), user.UserIdOf(), now);
            db.Certificates.Add(record);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            ContractsLog.CertificateRecorded(logger, record.Id, record.Source, organisationId, record.Fingerprint);
            return record;
        }
    }

    /// <summary>A licensed provider's certificate for the caller's organisation: trusted now, and naming the organisation's tax code.</summary>
    public async Task<SigningCertificate> RegisterExternalAsync(ClaimsPrincipal user, string pem, CancellationToken ct)
    {
        var organisationId = user.RequireCertificateManager("register a certificate");
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new DomainValidationException("certificatePem", "The text is not a PEM certificate (-----BEGIN CERTIFICATE-----).");
        }
        var now = clock.Now();
        var check = (await trust.VerifierAsync(ct)).VerifyCertificate(certificate, now);
        if (!check.Trusted)
            throw new DomainValidationException("certificatePem", $"The certificate is not trusted here: {string.Join(" ", check.Problems)}");
        var identity = await IdentityOfAsync(organisationId, ct);
        if (!TaxCodes.Same(CertificateNames.TaxCodeOf(certificate), identity.TaxCode))
            throw new DomainValidationException("certificatePem",
                $"The certificate names tax code {CertificateNames.TaxCodeOf(certificate) ?? "(none)"}, not your organisation's ({identity.TaxCode}).");
        var fingerprint = CertificateNames.Fingerprint(certificate);
        if (await db.Certificates.AnyAsync(c => c.Fingerprint == fingerprint, ct))
            throw new ConflictException("This certificate is already registered.");

        var record = Record(organisationId, SigningCertificate.External, certificate, identity.TaxCode, null, user.UserIdOf(), now);
        db.Certificates.Add(record);
        await db.SaveChangesAsync(ct);
        ContractsLog.CertificateRecorded(logger, record.Id, record.Source, organisationId, record.Fingerprint);
        return record;
    }

    public async Task<SigningCertificate> RevokeAsync(ClaimsPrincipal user, Guid id, string reason, CancellationToken ct)
    {
        var organisationId = user.RequireCertificateManager("revoke a certificate");
        // Another organisation's certificate is reported as missing.
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.OrganisationId == organisationId, ct)
            ?? throw new NotFoundException("Certificate", id);
        if (certificate.RevokedAt is not null) throw new ConflictException($"The certificate was already revoked at {certificate.RevokedAt:u}.");
        certificate.Revoke(user.UserIdOf(), reason.Trim(), clock.Now());
        await db.SaveChangesAsync(ct);
        ContractsLog.CertificateRevoked(logger, certificate.Id, organisationId, certificate.Fingerprint);
        return certificate;
    }

    /// <summary>The organisation's legal name and tax code: from its registration, else from the latest agreement naming it.</summary>
    public async Task<SignerIdentity> IdentityOfAsync(Guid organisationId, CancellationToken ct)
    {
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct) is { TaxCode.Length: > 0 } registered)
            return new SignerIdentity(organisationId, registered.LegalName, registered.TaxCode);
        var latest = await db.Agreements.AsNoTracking().Where(a => a.BuyerId == organisationId || a.SupplierId == organisationId)
            .OrderByDescending(a => a.CreatedAt).Select(a => new { a.Id, a.CurrentVersion, a.BuyerId }).FirstOrDefaultAsync(ct);
        var terms = latest is null ? null : await db.Versions.AsNoTracking()
            .Where(v => v.AgreementId == latest.Id && v.Version == latest.CurrentVersion).Select(v => v.Terms).SingleAsync(ct);
        var named = terms is null ? null : latest!.BuyerId == organisationId ? terms.Buyer : terms.Supplier;
        if (named is { TaxCode.Length: > 0 }) return new SignerIdentity(organisationId, named.LegalName, named.TaxCode);
        throw new ConflictException("The organisation's registration (legal name and tax code) has not reached the contract service yet; try again shortly.");
    }

    private static SigningCertificate Record(Guid organisationId, string source, X509Certificate2 certificate, string taxCode, string? protectedKey,
        Guid? userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = organisationId,
        Source = source,
        Subject = certificate.Subject,
        TaxCode = CertificateNames.TaxCodeOf(certificate) ?? taxCode,
        Fingerprint = CertificateNames.Fingerprint(certificate),
        Certificate = certificate.RawData,
        NotBefore = certificate.NotBefore.ToUniversalTime(),
        NotAfter = certificate.NotAfter.ToUniversalTime(),
        ProtectedKey = protectedKey,
        CreatedAt = now,
        CreatedByUserId = userId,
    };
}

/// <summary>Tax codes compared the way people write them: case and surrounding spaces do not matter.</summary>
public static class TaxCodes
{
    public static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
