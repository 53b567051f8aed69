using MassTransit;
using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Services;
using Matchmaking.Contracts.Catalogue;

namespace Matchmaking.Catalogue.Consumers;

/// <summary>Re-indexes a changed product (its certificates included). Idempotent and order-safe: the index keeps the highest version.</summary>
public sealed class ProductUpdatedConsumer(IProductSearchIndex index, TimeProvider clock, ILogger<ProductUpdatedConsumer> logger)
    : IConsumer<ProductUpdated>
{
    public async Task Consume(ConsumeContext<ProductUpdated> context)
    {
        var message = context.Message;
        var document = SearchDocuments.From(message.Product, message.Version, message.OccurredAt, clock.GetUtcNow());
        var applied = await index.UpsertAsync(document, context.CancellationToken);
        CatalogueLog.ProductIndexed(logger, message.Product.ProductId, message.Version, applied);
    }
}
