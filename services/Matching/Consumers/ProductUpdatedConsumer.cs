using MassTransit;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Consumers;

/// <summary>
/// Keeps the changed product (its certificates included) and rematches it against every open need: it gains, keeps or
/// loses matches, and a soft loss demotes its score. Idempotent and order-safe: an event older than the row changes
/// nothing and triggers no rematch.
/// </summary>
public sealed class ProductUpdatedConsumer(ReadModelWriter writer, MatchEngine engine, ILogger<ProductUpdatedConsumer> logger)
    : IConsumer<ProductUpdated>
{
    public async Task Consume(ConsumeContext<ProductUpdated> context)
    {
        var message = context.Message;
        var applied = await writer.UpsertProductAsync(message.Product, message.Version, context.CancellationToken);
        MatchingLog.ReadModelApplied(logger, "Product", message.Product.ProductId, message.Version, applied);
        if (applied) await engine.MatchProductAsync(message.Product.ProductId, context.CancellationToken);
    }
}
