using MassTransit;
using Matchmaking.Contracts.Matching;
using Matchmaking.ContractSigning.Agreements;

namespace Matchmaking.ContractSigning.Consumers;

/// <summary>An accepted partnership becomes a draft agreement (version 1), once per partnership.</summary>
public sealed class PartnershipAcceptedConsumer(AgreementDrafting drafting) : IConsumer<PartnershipAccepted>
{
    public Task Consume(ConsumeContext<PartnershipAccepted> context) => drafting.DraftAsync(context.Message, context.CancellationToken);
}
