using MassTransit;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Agreements;

namespace Matchmaking.Matching.Consumers;

/// <summary>The partnership shows its agreement as drafted, and both parties are told there is a draft to review. Order and redelivery are handled by <see cref="AgreementTracker"/> and the inbox.</summary>
public sealed class AgreementDraftedConsumer(AgreementTracker agreements) : IConsumer<AgreementDrafted>
{
    public Task Consume(ConsumeContext<AgreementDrafted> context)
    {
        var m = context.Message;
        var change = new AgreementChange(m.AgreementId, m.AgreementNumber, m.PartnershipId, m.BuyerId, m.SupplierId, AgreementStep.Drafted, m.OccurredAt);
        return agreements.RecordAsync(change, parties => AgreementFeed.Drafted(parties, m), context.CancellationToken);
    }
}
