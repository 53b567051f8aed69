using MassTransit;
using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Services;
using Matchmaking.Contracts.Catalogue;

namespace Matchmaking.Catalogue.Consumers;

/// <summary>Drops a withdrawn product from search, leaving a tombstone at its version against late older updates.</summary>
public sealed class ProductWithdrawnConsumer(IProductSearchIndex index, ILogger<ProductWithdrawnConsumer> logger) : IConsumer<ProductWithdrawn>
{
    public async Task Consume(ConsumeContext<ProductWithdrawn> context)
    {
        var message = context.Message;
        var applied = await index.RemoveAsync(message.ProductId, message.Version, context.CancellationToken);
        CatalogueLog.ProductUnindexed(logger, message.ProductId, message.Version, applied);
    }
}
