using MassTransit;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Agreements;

namespace Matchmaking.Matching.Consumers;

/// <summary>One party signed: the agreement is partially signed (unless a later event already says more), and the other party is told. Order and redelivery are handled by <see cref="AgreementTracker"/> and the inbox.</summary>
public sealed class AgreementSignedConsumer(AgreementTracker agreements) : IConsumer<AgreementSigned>
{
    public Task Consume(ConsumeContext<AgreementSigned> context)
    {
        var m = context.Message;
        var change = new AgreementChange(m.AgreementId, m.AgreementNumber, m.PartnershipId, m.BuyerId, m.SupplierId, AgreementStep.Signed, m.SignedAt);
        return agreements.RecordAsync(change, parties => AgreementFeed.Signed(parties, m), context.CancellationToken);
    }
}
