using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Matchmaking.Contracts.Agreements;
using Matchmaking.ContractSigning.Audit;
using Matchmaking.ContractSigning.Certificates;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ContractSigning.Signing;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// Signatures on the current version, by an owner or signer of a party, in one of two ways: remotely, with the
/// organisation's platform-held key once the signer confirmed this exact version (a signature activation token), or
/// uploaded, made off-platform with a licensed provider's certificate and checked here before it is accepted. The
/// second party's signature on the same version activates the agreement. Refusals change nothing.
/// </summary>
public sealed class SigningService(ContractsDbContext db, AuditTrail audit, AgreementAnnouncer announcer, ActivationTokens tokens, TrustStore trust,
    KeyProtector keys, TimeProvider clock, ILogger<SigningService> logger)
{
    public Task<AgreementSignature> SignRemotelyAsync(ClaimsPrincipal user, HttpContext http, Guid id, int version, string activationToken,
        CancellationToken ct) =>
        SignAsync(user, id, version, SignatureMethods.Remote, async (tx, agreement, organisationId, signed, now) =>
        {
            var grant = await tokens.ValidateAsync(activationToken, user, signed.DocumentSha256, SignatureActivation.AgreementReference(id, version), ct);
            if (await db.Signatures.AnyAsync(s => s.ActivationTokenId == grant.TokenId, ct))
                throw ActivationTokens.Refused("The activation token was already used; confirm the signature again for a new one.");
            await EnsureSignableAsync(agreement, organisationId, version, now, ct);
            var certificate = await db.Certificates.AsNoTracking()
                .Where(c => c.OrganisationId == organisationId && c.Source == SigningCertificate.Platform)
                .Where(c => c.RevokedAt == null && c.NotBefore <= now && c.NotAfter > now)
                .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct)
                ?? throw new ConflictException("Your organisation has no usable signing certificate: request one (POST /api/contracts/certificates) first.");

            // CMS signing time is whole seconds (UTCTime): cut here, so the time stored with the signature is the one inside it.
            var signingTime = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            using var x509 = X509CertificateLoader.LoadCertificate(certificate.Certificate);
            byte[] cms;
            using (var key = keys.Unprotect(certificate.ProtectedKey!))
            using (var withKey = x509.CopyWithPrivateKey(key))
                cms = CmsSignatures.SignDetached(signed.Document, withKey, signingTime);

            return await AcceptAsync(tx, user, http, agreement, signed, organisationId, SignatureMethods.Remote, x509, certificate.Id, cms,
                signingTime, grant.TokenId, grant.SignerName ?? user.FindFirstValue(PlatformClaims.Name), now, ct);
        }, ct);

    public Task<AgreementSignature> AcceptUploadedAsync(ClaimsPrincipal user, HttpContext http, Guid id, int version, string signatureBase64,
        CancellationToken ct) =>
        SignAsync(user, id, version, SignatureMethods.Uploaded, async (tx, agreement, organisationId, signed, now) =>
        {
            var bytes = Base64.Decode(signatureBase64, "signature");
            await EnsureSignableAsync(agreement, organisationId, version, now, ct);
            // Trusted now: an expired certificate, or one no anchor vouches for, signs nothing new.
            var check = (await trust.VerifierAsync(ct)).Verify(signed.Document, bytes, now);
            if (!check.Matches)
                throw Refused($"The signature is not over version {version} of this agreement: {string.Join(" ", check.Problems)}");
            if (!check.Trusted)
                throw Refused($"The signer's certificate is not trusted: {string.Join(" ", check.Problems)}");
            var side = agreement.SideOf(organisationId);
            var taxCode = await PartyTaxCodeAsync(signed, side, organisationId, ct);
            if (!TaxCodes.Same(check.TaxCode, taxCode))
                throw Refused($"The certificate names tax code {check.TaxCode ?? "(none)"}, not the {side}'s ({taxCode}): it is another organisation's.");
            var registered = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Fingerprint == check.Fingerprint, ct);
            if (registered?.RevokedAt is { } revokedAt)
                throw Refused($"The certificate was revoked at {revokedAt:u}; signatures made with it are no longer accepted.");
            if (registered is not null && registered.OrganisationId != organisationId)
                throw Refused("The certificate is registered to another organisation.");

            return await AcceptAsync(tx, user, http, agreement, signed, organisationId, SignatureMethods.Uploaded, check.Certificate!,
                registered?.Id, bytes, check.SigningTime, null, user.FindFirstValue(PlatformClaims.Name), now, ct);
        }, ct);

    private delegate Task<AgreementSignature> SigningStep(IDbContextTransaction tx, Agreement agreement, Guid organisationId, AgreementVersion signed,
        DateTimeOffset now);

    /// <summary>
    /// Both ways of signing: the agreement row locked in a transaction and the caller's party and version checked, then
    /// <paramref name="sign"/>; the time it took is recorded, and a refusal is counted and logged before it reaches the caller.
    /// </summary>
    private async Task<AgreementSignature> SignAsync(ClaimsPrincipal user, Guid id, int version, string method, SigningStep sign, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (agreement, organisationId, signed) = await LockForSigningAsync(user, id, version, ct);
        try
        {
            var signature = await sign(tx, agreement, organisationId, signed, now);
            ContractsTelemetry.SigningDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("method", method));
            return signature;
        }
        catch (Exception ex) when (ex is DomainValidationException or ConflictException)
        {
            Refused(id, version, organisationId, method, ex);
            throw;
        }
    }

    /// <summary>The agreement locked, the caller's party (404 for strangers, 403 for the programme office and other roles) and the version.</summary>
    private async Task<(Agreement Agreement, Guid OrganisationId, AgreementVersion Version)> LockForSigningAsync(ClaimsPrincipal user, Guid id, int version,
        CancellationToken ct)
    {
        var agreement = await db.LockAgreementAsync(id, ct);
        var organisationId = agreement.EnsureActingParty(user, id, Access.SignerRoles, "sign an agreement");
        var signed = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.AgreementId == id && v.Version == version, ct)
            ?? throw new NotFoundException("Agreement version", $"{id}:v{version}");
        return (agreement!, organisationId, signed);
    }

    private async Task EnsureSignableAsync(Agreement agreement, Guid organisationId, int version, DateTimeOffset now, CancellationToken ct)
    {
        agreement.EnsureSignable(version, now);
        if (await db.Signatures.AnyAsync(s => s.AgreementId == agreement.Id && s.Version == version && s.OrganisationId == organisationId, ct))
            throw new ConflictException($"Your organisation has already signed version {version}.");
    }

    /// <summary>The tax code a signer's certificate must name: the party's in the signed version, else its registration.</summary>
    private async Task<string> PartyTaxCodeAsync(AgreementVersion version, string side, Guid organisationId, CancellationToken ct)
    {
        if (version.PartyOf(side).TaxCode is { Length: > 0 } named) return named;
        return await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.TaxCode).SingleOrDefaultAsync(ct) is { Length: > 0 } registered
            ? registered
            : throw new ConflictException($"No tax code is known for the {side} yet, so no certificate can be matched to it.");
    }

    private async Task<AgreementSignature> AcceptAsync(IDbContextTransaction tx, ClaimsPrincipal user, HttpContext http, Agreement agreement,
        AgreementVersion version, Guid organisationId, string method, X509Certificate2 certificate, Guid? certificateId, byte[] cms,
        DateTimeOffset? signingTime, string? tokenId, string? signerName, DateTimeOffset now, CancellationToken ct)
    {
        var signature = new AgreementSignature
        {
            Id = Guid.CreateVersion7(),
            AgreementId = agreement.Id,
            Version = version.Version,
            OrganisationId = organisationId,
            Side = agreement.SideOf(organisationId),
            Method = method,
            SignerUserId = user.UserIdOf(),
            SignerName = signerName is { Length: > 200 } ? signerName[..200] : signerName,
            CertificateId = certificateId,
            Certificate = certificate.RawData,
            CertificateSubject = certificate.Subject,
            CertificateFingerprint = CertificateNames.Fingerprint(certificate),
            Signature = cms,
            SigningTime = signingTime,
            AcceptedAt = now,
            ActivationTokenId = tokenId,
        };
        db.Signatures.Add(signature);
        var otherParty = agreement.OtherParty(organisationId);
        var otherSigned = await db.Signatures.AnyAsync(s => s.AgreementId == agreement.Id && s.Version == version.Version && s.OrganisationId == otherParty, ct);
        var activated = agreement.RecordSignature(otherSigned, version.Terms.EffectiveUntil, now);

        audit.Append(agreement, AuditActions.Signed, AuditActor.From(user, http), version.Version, now,
        [
            new("signatureId", signature.Id.ToString()), new("method", method), new("certificateFingerprint", signature.CertificateFingerprint),
            new("certificateSubject", signature.CertificateSubject), new("signingTime", signingTime?.ToString("O")),
            new("documentSha256", version.DocumentSha256),
        ]);
        announcer.Signed(agreement, signature);
        if (activated)
        {
            audit.Append(agreement, AuditActions.Activated, AuditActor.System, version.Version, now,
                [new("effectiveFrom", version.Terms.EffectiveFrom.ToString("O")), new("effectiveUntil", version.Terms.EffectiveUntil.ToString("O"))]);
            announcer.Activated(agreement, version.Terms, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        ContractsTelemetry.SignaturesAccepted.Add(1, new KeyValuePair<string, object?>("method", method));
        ContractsTelemetry.Transitions.Add(1, new KeyValuePair<string, object?>("status", agreement.Status.ToName()));
        ContractsLog.Signed(logger, agreement.Id, version.Version, organisationId, method, signature.CertificateFingerprint);
        ContractsLog.StatusChanged(logger, agreement.Id, agreement.Status.ToName(), agreement.CurrentVersion);
        return signature;
    }

    private static DomainValidationException Refused(string reason) => new("signature", reason);

    private void Refused(Guid id, int version, Guid organisationId, string method, Exception ex)
    {
        ContractsTelemetry.SignaturesRefused.Add(1, new KeyValuePair<string, object?>("method", method));
        var reason = ex is DomainValidationException v ? string.Join(" ", v.Errors.SelectMany(e => e.Value)) : ex.Message;
        ContractsLog.SignatureRefused(logger, id, version, organisationId, reason);
    }
}
