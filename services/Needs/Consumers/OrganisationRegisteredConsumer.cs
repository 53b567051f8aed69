using MassTransit;
using Matchmaking.Contracts.Identity;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Services;

namespace Matchmaking.Needs.Consumers;

/// <summary>Opens (or completes a lazily opened) retailer profile. Suppliers and the programme office have none here.</summary>
public sealed class OrganisationRegisteredConsumer(NeedsDbContext db, TimeProvider clock, ILogger<OrganisationRegisteredConsumer> logger)
    : IConsumer<OrganisationRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationRegistered> context)
    {
        var message = context.Message;
        if (message.Kind != OrganisationKinds.Retailer) return;

        var now = clock.GetUtcNow();
        var (profile, _) = await db.FindOrOpenRetailerAsync(message.OrganisationId, now, context.CancellationToken);
        var before = profile.SnapshotFacts;
        profile.ApplyRegistration(message.LegalName, message.TaxCode, message.Province, message.District, message.RegisteredAt, now);
        // The legal name is the public name until the retailer picks a display name; open needs carry it.
        var republished = before == profile.SnapshotFacts ? 0 : await NeedEvents.RepublishOpenAsync(db, profile.Id, clock, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        NeedsLog.RetailerUpdatedFromEvent(logger, message.OrganisationId, nameof(OrganisationRegistered), republished);
    }
}
