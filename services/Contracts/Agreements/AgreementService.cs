using System.Security.Claims;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Audit;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// The parties' changes to an agreement: amend, send for signature, terminate, and the "viewed" record. Each runs in one
/// transaction under the agreement's row lock, with its audit entry and its event; signing is in SigningService.
/// </summary>
public sealed class AgreementService(ContractsDbContext db, VersionDocuments documents, AuditTrail audit, AgreementAnnouncer announcer, TimeProvider clock,
    IOptions<SigningOptions> options, ILogger<AgreementService> logger)
{
    public async Task<Agreement> FindVisibleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        (await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct)).EnsureVisibleTo(user, id);

    public async Task<AgreementVersion> AmendAsync(ClaimsPrincipal user, HttpContext http, Guid id, AmendAgreementRequest request, CancellationToken ct)
    {
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.LockAgreementAsync(id, ct);
        var organisationId = agreement.EnsureActingParty(user, id, Access.Editors, "amend an agreement");
        var basedOn = agreement!.CurrentVersion;
        // State and version first (409), then the terms (400): a stale edit is reported as stale, whatever it says.
        agreement.EnsureAmendable(request.BasedOnVersion!.Value);
        var current = await db.Versions.AsNoTracking().SingleAsync(v => v.AgreementId == id && v.Version == basedOn, ct);
        var terms = AmendedTerms.Apply(current.Terms, request.Terms!, agreement.SideOf(organisationId), clock.Today());
        var number = agreement.Amend(request.BasedOnVersion!.Value, now);

        var version = documents.Create(id, agreement.Number, number, terms, now, organisationId, user.UserIdOf(), basedOn);
        db.Versions.Add(version);
        audit.Append(agreement, AuditActions.Amended, AuditActor.From(user, http), number, now,
            [new("basedOnVersion", basedOn.ToString()), new("documentSha256", version.DocumentSha256)]);
        announcer.Amended(agreement, organisationId, now);
        await CommitAsync(tx, agreement, "amended", ct);
        return version;
    }

    public async Task<Agreement> SendForSignatureAsync(ClaimsPrincipal user, HttpContext http, Guid id, int version, CancellationToken ct)
    {
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.LockAgreementAsync(id, ct);
        agreement.EnsureActingParty(user, id, Access.Editors, "send an agreement for signature");
        agreement!.SendForSignature(version, now, options.Value.Deadline);
        audit.Append(agreement, AuditActions.SentForSignature, AuditActor.From(user, http), version, now,
            [new("signingDeadline", agreement.SigningDeadline!.Value.ToString("O"))]);
        announcer.SentForSignature(agreement, now);
        await CommitAsync(tx, agreement, agreement.Status.ToName(), ct);
        return agreement;
    }

    public async Task<Agreement> TerminateAsync(ClaimsPrincipal user, HttpContext http, Guid id, string reason, CancellationToken ct)
    {
        var now = clock.Now();
        var text = reason.Trim();
        if (text.Length == 0) throw new DomainValidationException("reason", "Say why the agreement ends.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.LockAgreementAsync(id, ct);
        var organisationId = agreement.EnsureActingParty(user, id, Access.Editors, "terminate an agreement");
        var currentVersion = agreement!.CurrentVersion;
        var terms = await db.Versions.AsNoTracking().Where(v => v.AgreementId == id && v.Version == currentVersion).Select(v => v.Terms).SingleAsync(ct);
        var effectiveOn = clock.Today().AddDays(terms.TerminationNoticeDays);
        agreement.Terminate(organisationId, text, effectiveOn, now);
        audit.Append(agreement, AuditActions.Terminated, AuditActor.From(user, http), agreement.CurrentVersion, now,
            [new("reason", text), new("effectiveOn", effectiveOn.ToString("O"))]);
        announcer.Terminated(agreement, now);
        await CommitAsync(tx, agreement, agreement.Status.ToName(), ct);
        return agreement;
    }

    /// <summary>
    /// Records that a member of a party read a version, once per user and version. The programme office's reads are not a
    /// party's and are not recorded. Checked without a lock first, so only a first view writes.
    /// </summary>
    public async Task RecordViewAsync(ClaimsPrincipal user, HttpContext http, Agreement agreement, int version, string via, CancellationToken ct)
    {
        if (user.UserIdOf() is not { } userId || user.OrganisationIdOf() is not { } organisationId || !agreement.IsParty(organisationId)) return;
        if (await ViewedAsync(agreement.Id, userId, version, ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.LockAgreementAsync(agreement.Id, ct);
        if (locked is null || await ViewedAsync(agreement.Id, userId, version, ct)) return;
        audit.Append(locked, AuditActions.Viewed, AuditActor.From(user, http), version, clock.Now(), [new("via", via)]);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private Task<bool> ViewedAsync(Guid agreementId, Guid userId, int version, CancellationToken ct) =>
        db.AuditEntries.AnyAsync(e => e.AgreementId == agreementId && e.Action == AuditActions.Viewed && e.ActorUserId == userId && e.Version == version, ct);

    private async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, Agreement agreement, string change, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        ContractsTelemetry.Transitions.Add(1, new KeyValuePair<string, object?>("status", change));
        ContractsLog.StatusChanged(logger, agreement.Id, agreement.Status.ToName(), agreement.CurrentVersion);
    }
}
