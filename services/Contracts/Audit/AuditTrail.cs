using System.Data;
using System.Security.Claims;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.ContractSigning.Audit;

/// <summary>Who did something, and from where (the request's IP address and user agent, when there was a request).</summary>
public sealed record AuditActor(Guid? UserId, Guid? OrganisationId, string? IpAddress = null, string? UserAgent = null, string? ForwardedFor = null)
{
    public static AuditActor System { get; } = new(null, null);

    public static AuditActor From(ClaimsPrincipal user, HttpContext? http) => new(user.UserIdOf(), user.OrganisationIdOf(),
        http?.Connection.RemoteIpAddress?.ToString(), Truncate(http?.Request.Headers.UserAgent.ToString()),
        Truncate(http?.Request.Headers["X-Forwarded-For"].ToString()));

    private static string? Truncate(string? value) => string.IsNullOrEmpty(value) ? null : value.Length <= 300 ? value : value[..300];
}

/// <summary>
/// Appends entries to an agreement's chain. The caller holds the agreement row lock (ContractsDbContext.LockAgreementAsync)
/// in its transaction, so appends to one agreement are strictly one after another and the sequence has no gaps.
/// </summary>
public sealed class AuditTrail(ContractsDbContext db)
{
    public void Append(Agreement agreement, string action, AuditActor actor, int version, DateTimeOffset now,
        IEnumerable<KeyValuePair<string, string?>>? details = null)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (key, value) in details ?? []) if (value is not null) fields[key] = value;
        if (actor.IpAddress is not null) fields["ip"] = actor.IpAddress;
        if (actor.ForwardedFor is not null) fields["forwardedFor"] = actor.ForwardedFor;
        if (actor.UserAgent is not null) fields["userAgent"] = actor.UserAgent;

        var sequence = agreement.AuditSequence + 1;
        var hash = AuditChain.Hash(agreement.Id, sequence, now, action, actor.UserId, actor.OrganisationId, version, fields, agreement.AuditHead);
        db.AuditEntries.Add(new AuditEntry
        {
            AgreementId = agreement.Id, Sequence = sequence, OccurredAt = now, Action = action, ActorUserId = actor.UserId,
            ActorOrganisationId = actor.OrganisationId, Version = version, Details = fields, PreviousHash = agreement.AuditHead, Hash = hash,
        });
        agreement.AdvanceAudit(sequence, hash);
    }

    public Task<List<AuditEntry>> EntriesAsync(Guid agreementId, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(e => e.AgreementId == agreementId).OrderBy(e => e.Sequence).ToListAsync(ct);

    /// <summary>
    /// Recomputes the chain. The head recorded on the agreement and the entries are read in one snapshot (repeatable read),
    /// so an entry appended meanwhile is not mistaken for a break.
    /// </summary>
    public async Task<ChainVerification> VerifyAsync(Guid agreementId, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct) : null;
        var head = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId).Select(a => new { a.AuditSequence, a.AuditHead }).SingleAsync(ct);
        return AuditChain.Verify(await EntriesAsync(agreementId, ct), head.AuditSequence, head.AuditHead);
    }
}
