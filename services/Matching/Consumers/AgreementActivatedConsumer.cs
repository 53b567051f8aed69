using MassTransit;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Agreements;

namespace Matchmaking.Matching.Consumers;

/// <summary>Both parties signed: the partnership becomes contracted, and both parties are told the agreement is in force. Order and redelivery are handled by <see cref="AgreementTracker"/> and the inbox.</summary>
public sealed class AgreementActivatedConsumer(AgreementTracker agreements) : IConsumer<AgreementActivated>
{
    public Task Consume(ConsumeContext<AgreementActivated> context)
    {
        var m = context.Message;
        var change = new AgreementChange(m.AgreementId, m.AgreementNumber, m.PartnershipId, m.BuyerId, m.SupplierId, AgreementStep.Activated, m.OccurredAt);
        return agreements.RecordAsync(change, parties => AgreementFeed.Activated(parties, m), context.CancellationToken);
    }
}
