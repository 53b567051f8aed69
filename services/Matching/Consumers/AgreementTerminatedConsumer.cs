using MassTransit;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Agreements;

namespace Matchmaking.Matching.Consumers;

/// <summary>A party ended the agreement: final on the partnership, and both parties are told when it stops and why. Order and redelivery are handled by <see cref="AgreementTracker"/> and the inbox.</summary>
public sealed class AgreementTerminatedConsumer(AgreementTracker agreements) : IConsumer<AgreementTerminated>
{
    public Task Consume(ConsumeContext<AgreementTerminated> context)
    {
        var m = context.Message;
        var change = new AgreementChange(m.AgreementId, m.AgreementNumber, m.PartnershipId, m.BuyerId, m.SupplierId, AgreementStep.Terminated, m.OccurredAt);
        return agreements.RecordAsync(change, parties => AgreementFeed.Terminated(parties, m), context.CancellationToken);
    }
}
