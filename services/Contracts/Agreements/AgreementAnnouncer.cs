using Matchmaking.Contracts.Agreements;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.Messaging;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// The integration events of each transition, queued in the transition's own unit of work (the outbox), so an event
/// leaves if and only if its change committed. Every event names the partnership and both parties.
/// </summary>
public sealed class AgreementAnnouncer(ContractsDbContext db)
{
    public void Drafted(Agreement a, DateTimeOffset now) => db.PublishOnCommit(new AgreementDrafted
    {
        AgreementId = a.Id, AgreementNumber = a.Number, PartnershipId = a.PartnershipId, BuyerId = a.BuyerId, SupplierId = a.SupplierId,
        Version = a.CurrentVersion, OccurredAt = now,
    });

    public void Amended(Agreement a, Guid by, DateTimeOffset now) => db.PublishOnCommit(new AgreementAmended
    {
        AgreementId = a.Id, AgreementNumber = a.Number, PartnershipId = a.PartnershipId, BuyerId = a.BuyerId, SupplierId = a.SupplierId,
        Version = a.CurrentVersion, AmendedBy = by, OccurredAt = now,
    });

    public void SentForSignature(Agreement a, DateTimeOffset now) => db.PublishOnCommit(new AgreementSentForSignature
    {
        AgreementId = a.Id, AgreementNumber = a.Number, PartnershipId = a.PartnershipId, BuyerId = a.BuyerId, SupplierId = a.SupplierId,
        Version = a.CurrentVersion, SigningDeadline = a.SigningDeadline!.Value, OccurredAt = now,
    });

    public void SignatureDue(Agreement a, Guid organisationId, DateTimeOffset now) => db.PublishOnCommit(new AgreementSignatureDue
    {
        AgreementId = a.Id, AgreementNumber = a.Number, PartnershipId = a.PartnershipId, BuyerId = a.BuyerId, SupplierId = a.SupplierId,
        OrganisationId = organisationId, Version = a.CurrentVersion, SigningDeadline = a.SigningDeadline!.Value, OccurredAt = now,
    });

    public void Signed(Agreement a, AgreementSignature s) => db.PublishOnCommit(new AgreementSigned
    {
        AgreementId = a.Id, AgreementNumber = a.Number, PartnershipId = a.PartnershipId, BuyerId = a.BuyerId, SupplierId = a.SupplierId,
        Version = s.Version, OrganisationId = s.OrganisationId, Method = s.Method, CertificateFingerprint = s.CertificateFingerprint, SignedAt = s.AcceptedAt,
    });

    public void Activated(Agreement a, AgreementTerms terms, DateTimeOffset now) => db.PublishOnCommit(new AgreementActivated
    {
        AgreementId = a.Id, AgreementNumber = a.Number, PartnershipId = a.PartnershipId, BuyerId = a.BuyerId, SupplierId = a.SupplierId,
        Version = a.CurrentVersion, EffectiveFrom = terms.EffectiveFrom, EffectiveUntil = terms.EffectiveUntil, OccurredAt = now,
    });

    public void Terminated(Agreement a, DateTimeOffset now) => db.PublishOnCommit(new AgreementTerminated
    {
        AgreementId = a.Id, AgreementNumber = a.Number, PartnershipId = a.PartnershipId, BuyerId = a.BuyerId, SupplierId = a.SupplierId,
        TerminatedBy = a.TerminatedBy!.Value, Reason = a.TerminationReason!, EffectiveOn = a.TerminationEffectiveOn!.Value, OccurredAt = now,
    });

    public void Expired(Agreement a, string reason, DateTimeOffset now) => db.PublishOnCommit(new AgreementExpired
    {
        AgreementId = a.Id, AgreementNumber = a.Number, PartnershipId = a.PartnershipId, BuyerId = a.BuyerId, SupplierId = a.SupplierId,
        Reason = reason, OccurredAt = now,
    });
}
