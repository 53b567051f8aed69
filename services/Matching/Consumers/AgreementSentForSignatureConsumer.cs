using MassTransit;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Agreements;

namespace Matchmaking.Matching.Consumers;

/// <summary>The agreement awaits both signatures; both parties are told the deadline. Order and redelivery are handled by <see cref="AgreementTracker"/> and the inbox.</summary>
public sealed class AgreementSentForSignatureConsumer(AgreementTracker agreements) : IConsumer<AgreementSentForSignature>
{
    public Task Consume(ConsumeContext<AgreementSentForSignature> context)
    {
        var m = context.Message;
        var change = new AgreementChange(m.AgreementId, m.AgreementNumber, m.PartnershipId, m.BuyerId, m.SupplierId, AgreementStep.SentForSignature, m.OccurredAt);
        return agreements.RecordAsync(change, parties => AgreementFeed.SentForSignature(parties, m), context.CancellationToken);
    }
}
