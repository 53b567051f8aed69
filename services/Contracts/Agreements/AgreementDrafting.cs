using Matchmaking.Contracts.Matching;
using Matchmaking.ContractSigning.Audit;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// Drafts version 1 of an agreement from an accepted partnership, inside the consumer's inbox transaction: the agreement,
/// its first version (PDF and hash), the "drafted" audit entry and AgreementDrafted commit together or not at all.
/// One agreement per partnership: a redelivery finds it and does nothing (and the unique index settles a race).
/// </summary>
public sealed class AgreementDrafting(ContractsDbContext db, VersionDocuments documents, AuditTrail audit, AgreementAnnouncer announcer, TimeProvider clock,
    ILogger<AgreementDrafting> logger)
{
    public async Task<Guid?> DraftAsync(PartnershipAccepted accepted, CancellationToken ct)
    {
        if (await db.Agreements.AnyAsync(a => a.PartnershipId == accepted.PartnershipId, ct))
        {
            ContractsLog.AlreadyDrafted(logger, accepted.PartnershipId);
            return null;
        }
        var ids = new[] { accepted.Buyer.OrganisationId, accepted.Supplier.OrganisationId };
        var registered = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var terms = DraftTerms.From(accepted, registered.GetValueOrDefault(accepted.Buyer.OrganisationId),
            registered.GetValueOrDefault(accepted.Supplier.OrganisationId));

        var now = clock.Now();
        var number = $"HD-{now.ToOffset(ContractsClock.VietnamOffset).Year}-{await db.NextAgreementNumberAsync(ct):D6}";
        var agreement = Agreement.Draft(Guid.CreateVersion7(), number, accepted.PartnershipId, terms.Buyer, terms.Supplier, now);
        var version = documents.Create(agreement.Id, number, 1, terms, now, byOrganisationId: null, byUserId: null, basedOnVersion: null);
        db.Agreements.Add(agreement);
        db.Versions.Add(version);
        // The supplier's acceptance is what drafted it; the platform wrote the text.
        audit.Append(agreement, AuditActions.Drafted, new AuditActor(accepted.AcceptedByUserId, accepted.Supplier.OrganisationId), 1, now,
            [new("partnershipId", accepted.PartnershipId.ToString()), new("documentSha256", version.DocumentSha256)]);
        announcer.Drafted(agreement, now);
        await db.SaveChangesAsync(ct);
        ContractsTelemetry.Transitions.Add(1, new KeyValuePair<string, object?>("status", "draft"));
        ContractsLog.Drafted(logger, agreement.Id, accepted.PartnershipId);
        return agreement.Id;
    }
}
