using MassTransit;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Consumers;

/// <summary>
/// Keeps the product's read-model row and matches it against every open need. Idempotent and order-safe: an event
/// older than the row changes nothing and triggers no rematch.
/// </summary>
public sealed class ProductPublishedConsumer(ReadModelWriter writer, MatchEngine engine, ILogger<ProductPublishedConsumer> logger)
    : IConsumer<ProductPublished>
{
    public async Task Consume(ConsumeContext<ProductPublished> context)
    {
        var message = context.Message;
        var applied = await writer.UpsertProductAsync(message.Product, message.Version, context.CancellationToken);
        MatchingLog.ReadModelApplied(logger, "Product", message.Product.ProductId, message.Version, applied);
        if (applied) await engine.MatchProductAsync(message.Product.ProductId, context.CancellationToken);
    }
}
