using MassTransit;
using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Services;
using Matchmaking.Contracts.Identity;

namespace Matchmaking.Catalogue.Consumers;

/// <summary>Opens (or completes a lazily opened) supplier profile. Retailers and the programme office have none here.</summary>
public sealed class OrganisationRegisteredConsumer(CatalogueDbContext db, TimeProvider clock, ILogger<OrganisationRegisteredConsumer> logger)
    : IConsumer<OrganisationRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationRegistered> context)
    {
        var message = context.Message;
        if (message.Kind != OrganisationKinds.Supplier) return;

        var now = clock.GetUtcNow();
        var (profile, _) = await db.FindOrOpenSupplierAsync(message.OrganisationId, now, context.CancellationToken);
        profile.ApplyRegistration(message.LegalName, message.TaxCode, message.Province, message.District, message.RegisteredAt, now);
        await db.SaveChangesAsync(context.CancellationToken);
        CatalogueLog.SupplierUpdatedFromEvent(logger, message.OrganisationId, nameof(OrganisationRegistered));
    }
}
