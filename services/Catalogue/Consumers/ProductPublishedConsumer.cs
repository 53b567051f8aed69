using MassTransit;
using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Services;
using Matchmaking.Contracts.Catalogue;

namespace Matchmaking.Catalogue.Consumers;

/// <summary>Makes a published product findable. Idempotent and order-safe: the index keeps the highest version.</summary>
public sealed class ProductPublishedConsumer(IProductSearchIndex index, TimeProvider clock, ILogger<ProductPublishedConsumer> logger)
    : IConsumer<ProductPublished>
{
    public async Task Consume(ConsumeContext<ProductPublished> context)
    {
        var message = context.Message;
        var document = SearchDocuments.From(message.Product, message.Version, message.OccurredAt, clock.GetUtcNow());
        var applied = await index.UpsertAsync(document, context.CancellationToken);
        CatalogueLog.ProductIndexed(logger, message.Product.ProductId, message.Version, applied);
    }
}
