using MassTransit;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Services;

namespace Matchmaking.Needs.Consumers;

/// <summary>Marks the product unavailable: shortlists keep it, marked as no longer offered, and refuse to add it again.</summary>
public sealed class ProductWithdrawnConsumer(NeedsDbContext db, TimeProvider clock, ILogger<ProductWithdrawnConsumer> logger) : IConsumer<ProductWithdrawn>
{
    public async Task Consume(ConsumeContext<ProductWithdrawn> context)
    {
        var message = context.Message;
        var applied = await ProductListings.WithdrawAsync(db, message, clock, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        NeedsLog.ProductListingApplied(logger, message.ProductId, message.Version, applied);
    }
}
