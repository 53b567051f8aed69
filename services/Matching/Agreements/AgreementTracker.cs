using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Notifications;
using Matchmaking.Matching.Services;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Matching.Agreements;

/// <summary>What happened to an agreement, as one of the contract service's events says.</summary>
public enum AgreementStep { Drafted, Amended, SentForSignature, SignatureDue, Signed, Activated, Terminated, Expired }

/// <summary>One agreement event, reduced to what the partnership and the feeds need.</summary>
public sealed record AgreementChange(Guid AgreementId, string AgreementNumber, Guid PartnershipId, Guid BuyerId, Guid SupplierId,
    AgreementStep Step, DateTimeOffset OccurredAt);

/// <summary>The two parties as the feed names them, and what matching showed of the agreement before this event.</summary>
public sealed record AgreementParties(AgreementChange Change, string BuyerName, string SupplierName, Guid? NeedId, string? StatusBefore)
{
    public string NameOf(Guid organisationId) => organisationId == Change.BuyerId ? BuyerName : SupplierName;

    public bool IsParty(Guid organisationId) => organisationId == Change.BuyerId || organisationId == Change.SupplierId;

    public Guid OtherThan(Guid organisationId) => organisationId == Change.BuyerId ? Change.SupplierId : Change.BuyerId;

    public NotificationLinks Links => new(NeedId: NeedId, PartnershipId: Change.PartnershipId, AgreementId: Change.AgreementId);
}

/// <summary>
/// Applies the contract service's agreement events to the partnership they came from and to both parties' feeds, in
/// the consumer's unit of work (the inbox makes a redelivered message a no-op). Events arrive in any order, from eight
/// queues at once, so the partnership's agreement columns only move forward: before the agreement is in force the newer
/// event wins (by OccurredAt); once active only termination or expiry follows; terminated and expired are final. Each
/// rule is the WHERE of one conditional UPDATE, which PostgreSQL re-checks after waiting on the row lock, so two
/// events racing on the same partnership cannot both win. Feed entries record what happened whatever the order, except a
/// signing reminder that arrives after the agreement came into force or ended.
/// </summary>
public sealed class AgreementTracker(MatchingDbContext db, NotificationWriter notifications, ILogger<AgreementTracker> logger)
{
    public async Task RecordAsync(AgreementChange change, Func<AgreementParties, IEnumerable<NewNotification>> feed, CancellationToken ct)
    {
        var parties = await PartiesAsync(change, ct);
        var applied = change.Step != AgreementStep.SignatureDue && await ApplyAsync(change, ct);
        var entries = feed(parties).Where(e => parties.IsParty(e.OrganisationId)).ToList();
        foreach (var e in entries) notifications.Add(e.OrganisationId, e.Kind, e.Title, e.Body, e.Links);
        await db.SaveChangesAsync(ct);
        MatchingLog.AgreementEventApplied(logger, change.AgreementId, change.Step.ToString(), change.PartnershipId, applied, entries.Count);
    }

    private async Task<bool> ApplyAsync(AgreementChange c, CancellationToken ct)
    {
        var (open, ended) = (AgreementStatuses.Open, AgreementStatuses.Ended);
        // One agreement per partnership: an event naming another agreement changes nothing.
        var rows = db.Partnerships.Where(p => p.Id == c.PartnershipId && (p.AgreementId == null || p.AgreementId == c.AgreementId));
        rows = c.Step switch
        {
            AgreementStep.Activated => rows.Where(p => p.AgreementStatus == null || open.Contains(p.AgreementStatus)),
            AgreementStep.Terminated or AgreementStep.Expired => rows.Where(p => p.AgreementStatus == null || !ended.Contains(p.AgreementStatus)),
            _ => rows.Where(p => p.AgreementStatus == null
                || (open.Contains(p.AgreementStatus) && (p.AgreementChangedAt == null || p.AgreementChangedAt < c.OccurredAt))),
        };
        var changed = await rows.ExecuteUpdateAsync(s =>
        {
            s.SetProperty(p => p.AgreementId, c.AgreementId).SetProperty(p => p.AgreementNumber, c.AgreementNumber)
                .SetProperty(p => p.AgreementChangedAt, c.OccurredAt);
            if (c.Step == AgreementStep.Amended)
                // Back to awaiting signatures if it had been sent (signatures on older versions no longer count), else still a draft.
                s.SetProperty(p => p.AgreementStatus, p => p.AgreementStatus == null || p.AgreementStatus == AgreementStatuses.Drafted
                    ? AgreementStatuses.Drafted : AgreementStatuses.AwaitingSignatures);
            else
                s.SetProperty(p => p.AgreementStatus, StatusAfter(c.Step));
            if (c.Step == AgreementStep.Activated)
                s.SetProperty(p => p.Status, PartnershipStatus.Contracted).SetProperty(p => p.ContractedAt, c.OccurredAt);
        }, ct);
        return changed > 0;
    }

    private static string StatusAfter(AgreementStep step) => step switch
    {
        AgreementStep.Drafted => AgreementStatuses.Drafted,
        AgreementStep.SentForSignature => AgreementStatuses.AwaitingSignatures,
        AgreementStep.Signed => AgreementStatuses.PartiallySigned,
        AgreementStep.Activated => AgreementStatuses.Active,
        AgreementStep.Terminated => AgreementStatuses.Terminated,
        AgreementStep.Expired => AgreementStatuses.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "This step does not change the agreement's status."),
    };

    /// <summary>The names the partnership carries, else the registered legal names, else a plain word for the side.</summary>
    private async Task<AgreementParties> PartiesAsync(AgreementChange c, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == c.PartnershipId)
            .Select(p => new { p.BuyerName, p.SupplierName, p.NeedId, p.AgreementStatus }).SingleOrDefaultAsync(ct);
        var registered = await db.Organisations.AsNoTracking().Where(o => o.Id == c.BuyerId || o.Id == c.SupplierId)
            .ToDictionaryAsync(o => o.Id, o => o.LegalName, ct);
        string Name(string? fromPartnership, Guid id, string fallback) =>
            !string.IsNullOrWhiteSpace(fromPartnership) ? fromPartnership
            : registered.GetValueOrDefault(id) is { Length: > 0 } legal ? legal : fallback;
        return new AgreementParties(c, Name(partnership?.BuyerName, c.BuyerId, "Bên mua"), Name(partnership?.SupplierName, c.SupplierId, "Bên bán"),
            partnership?.NeedId, partnership?.AgreementStatus);
    }
}
