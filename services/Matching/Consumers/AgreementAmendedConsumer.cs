using MassTransit;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Agreements;

namespace Matchmaking.Matching.Consumers;

/// <summary>A new version: the partnership's agreement goes back to awaiting signatures if it had been sent (else stays a draft); both parties are told, the amending one in its own words. Order and redelivery are handled by <see cref="AgreementTracker"/> and the inbox.</summary>
public sealed class AgreementAmendedConsumer(AgreementTracker agreements) : IConsumer<AgreementAmended>
{
    public Task Consume(ConsumeContext<AgreementAmended> context)
    {
        var m = context.Message;
        var change = new AgreementChange(m.AgreementId, m.AgreementNumber, m.PartnershipId, m.BuyerId, m.SupplierId, AgreementStep.Amended, m.OccurredAt);
        return agreements.RecordAsync(change, parties => AgreementFeed.Amended(parties, m), context.CancellationToken);
    }
}
