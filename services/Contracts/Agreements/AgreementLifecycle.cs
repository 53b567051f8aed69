using Matchmaking.Contracts.Agreements;
using Matchmaking.ContractSigning.Audit;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// What time does to an agreement, one agreement per transaction under its row lock: the signing deadline passes (expired,
/// signing-deadline-passed), the signed term ends (expired, term-ended), or the deadline nears and a party has not signed
/// (AgreementSignatureDue, once per party and version). Each step rechecks under the lock, so a signature landing at the
/// last moment and the job never both win, and replicas may run it side by side.
/// </summary>
public sealed class AgreementLifecycle(ContractsDbContext db, AuditTrail audit, AgreementAnnouncer announcer, TimeProvider clock,
    IOptions<SigningOptions> options, ILogger<AgreementLifecycle> logger)
{
    public async Task<string?> ExpireAsync(Guid id, CancellationToken ct)
    {
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.LockAgreementAsync(id, ct);
        var reason = agreement switch
        {
            null => null,
            _ when agreement.SigningDeadlinePassed(now) => AgreementExpiryReasons.SigningDeadlinePassed,
            _ when agreement.TermEnded(clock.Today()) => AgreementExpiryReasons.TermEnded,
            _ => null,
        };
        if (reason is null) return null;
        agreement!.Expire(reason, now);
        audit.Append(agreement, AuditActions.Expired, AuditActor.System, agreement.CurrentVersion, now, [new("reason", reason)]);
        announcer.Expired(agreement, reason, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        ContractsTelemetry.Transitions.Add(1, new KeyValuePair<string, object?>("status", "expired"));
        ContractsLog.StatusChanged(logger, agreement.Id, agreement.Status.ToName(), agreement.CurrentVersion);
        return reason;
    }

    /// <summary>Reminds each party that has not signed the current version yet, if the deadline is near; returns how many.</summary>
    public async Task<int> RemindAsync(Guid id, CancellationToken ct)
    {
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.LockAgreementAsync(id, ct);
        if (agreement is not { SigningDeadline: { } deadline } || !agreement.Status.IsOutForSignature()
            || deadline <= now || deadline - options.Value.ReminderBefore > now) return 0;

        var version = agreement.CurrentVersion;
        var signed = await db.Signatures.Where(s => s.AgreementId == id && s.Version == version).Select(s => s.OrganisationId).ToListAsync(ct);
        var reminded = await db.Reminders.Where(r => r.AgreementId == id && r.Version == version).Select(r => r.OrganisationId).ToListAsync(ct);
        var due = new[] { agreement.BuyerId, agreement.SupplierId }.Except(signed).Except(reminded).ToList();
        foreach (var organisationId in due)
        {
            db.Reminders.Add(new SignatureReminder { AgreementId = id, Version = version, OrganisationId = organisationId, SentAt = now });
            announcer.SignatureDue(agreement, organisationId, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }
}
