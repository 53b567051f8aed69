using MassTransit;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Agreements;

namespace Matchmaking.Matching.Consumers;

/// <summary>A signing reminder for the organisation that has not signed; it changes nothing on the partnership. Order and redelivery are handled by <see cref="AgreementTracker"/> and the inbox.</summary>
public sealed class AgreementSignatureDueConsumer(AgreementTracker agreements) : IConsumer<AgreementSignatureDue>
{
    public Task Consume(ConsumeContext<AgreementSignatureDue> context)
    {
        var m = context.Message;
        var change = new AgreementChange(m.AgreementId, m.AgreementNumber, m.PartnershipId, m.BuyerId, m.SupplierId, AgreementStep.SignatureDue, m.OccurredAt);
        return agreements.RecordAsync(change, parties => AgreementFeed.SignatureDue(parties, m), context.CancellationToken);
    }
}
