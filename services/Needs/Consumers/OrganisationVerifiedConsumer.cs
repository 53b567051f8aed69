using MassTransit;
using Matchmaking.Contracts.Identity;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Services;

namespace Matchmaking.Needs.Consumers;

/// <summary>
/// Marks the retailer verified. Need snapshots carry RetailerVerified and the name, so its open needs are re-announced.
/// Creates the profile if the registration event has not arrived (the order of two events is not guaranteed).
/// </summary>
public sealed class OrganisationVerifiedConsumer(NeedsDbContext db, TimeProvider clock, ILogger<OrganisationVerifiedConsumer> logger)
    : IConsumer<OrganisationVerified>
{
    public async Task Consume(ConsumeContext<OrganisationVerified> context)
    {
        var message = context.Message;
        if (message.Kind != OrganisationKinds.Retailer) return;

        var now = clock.GetUtcNow();
        var (profile, _) = await db.FindOrOpenRetailerAsync(message.OrganisationId, now, context.CancellationToken);
        var before = profile.SnapshotFacts;
        profile.MarkVerified(message.LegalName, message.VerifiedAt, now);
        var republished = before == profile.SnapshotFacts ? 0 : await NeedEvents.RepublishOpenAsync(db, profile.Id, clock, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        NeedsLog.RetailerUpdatedFromEvent(logger, message.OrganisationId, nameof(OrganisationVerified), republished);
    }
}
