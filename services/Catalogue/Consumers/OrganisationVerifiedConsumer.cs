using MassTransit;
using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Services;
using Matchmaking.Contracts.Identity;

namespace Matchmaking.Catalogue.Consumers;

/// <summary>
/// Marks the supplier verified. Snapshots carry SupplierVerified, so its published products are re-announced.
/// Creates the profile if the registration event has not arrived (the order of two events is not guaranteed).
/// </summary>
public sealed class OrganisationVerifiedConsumer(CatalogueDbContext db, TimeProvider clock, ILogger<OrganisationVerifiedConsumer> logger)
    : IConsumer<OrganisationVerified>
{
    public async Task Consume(ConsumeContext<OrganisationVerified> context)
    {
        var message = context.Message;
        if (message.Kind != OrganisationKinds.Supplier) return;

        var now = clock.GetUtcNow();
        var (profile, _) = await db.FindOrOpenSupplierAsync(message.OrganisationId, now, context.CancellationToken);
        if (profile.MarkVerified(message.LegalName, message.VerifiedAt, now))
            await ProductEvents.RepublishAsync(db, db.Products.Where(p => p.SupplierId == profile.Id), clock, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        CatalogueLog.SupplierUpdatedFromEvent(logger, message.OrganisationId, nameof(OrganisationVerified));
    }
}
