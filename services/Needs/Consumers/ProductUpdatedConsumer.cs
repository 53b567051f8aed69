using MassTransit;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Services;

namespace Matchmaking.Needs.Consumers;

/// <summary>Records the product as available for shortlists. Idempotent and order-safe: the read model keeps the highest version.</summary>
public sealed class ProductUpdatedConsumer(NeedsDbContext db, TimeProvider clock, ILogger<ProductUpdatedConsumer> logger) : IConsumer<ProductUpdated>
{
    public async Task Consume(ConsumeContext<ProductUpdated> context)
    {
        var message = context.Message;
        var applied = await ProductListings.ApplyAsync(db, message.Product, message.Version, clock, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        NeedsLog.ProductListingApplied(logger, message.Product.ProductId, message.Version, applied);
    }
}
