using MassTransit;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Consumers;

/// <summary>Takes a withdrawn product out of every open need, leaving a tombstone at its version against late older updates.</summary>
public sealed class ProductWithdrawnConsumer(ReadModelWriter writer, MatchEngine engine, ILogger<ProductWithdrawnConsumer> logger)
    : IConsumer<ProductWithdrawn>
{
    public async Task Consume(ConsumeContext<ProductWithdrawn> context)
    {
        var message = context.Message;
        var applied = await writer.WithdrawProductAsync(message.ProductId, message.SupplierId, message.Version, context.CancellationToken);
        MatchingLog.ReadModelApplied(logger, "Product", message.ProductId, message.Version, applied);
        if (applied) await engine.RemoveProductAsync(message.ProductId, context.CancellationToken);
    }
}
