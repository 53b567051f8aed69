using MassTransit;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Agreements;

namespace Matchmaking.Matching.Consumers;

/// <summary>The term ended or the signing deadline passed: final on the partnership, and both parties are told which. Order and redelivery are handled by <see cref="AgreementTracker"/> and the inbox.</summary>
public sealed class AgreementExpiredConsumer(AgreementTracker agreements) : IConsumer<AgreementExpired>
{
    public Task Consume(ConsumeContext<AgreementExpired> context)
    {
        var m = context.Message;
        var change = new AgreementChange(m.AgreementId, m.AgreementNumber, m.PartnershipId, m.BuyerId, m.SupplierId, AgreementStep.Expired, m.OccurredAt);
        return agreements.RecordAsync(change, parties => AgreementFeed.Expired(parties, m), context.CancellationToken);
    }
}
