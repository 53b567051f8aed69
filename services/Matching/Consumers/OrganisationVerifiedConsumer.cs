using MassTransit;
using Matchmaking.Contracts.Identity;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Consumers;

/// <summary>
/// Marks the organisation verified, opening it if the registration event has not arrived (the order of two events is not
/// guaranteed). Suppliers' products carry their own verified flag, which the catalogue re-announces.
/// </summary>
public sealed class OrganisationVerifiedConsumer(MatchingDbContext db, TimeProvider clock, ILogger<OrganisationVerifiedConsumer> logger)
    : IConsumer<OrganisationVerified>
{
    public async Task Consume(ConsumeContext<OrganisationVerified> context)
    {
        var message = context.Message;
        var now = clock.GetUtcNow();
        var organisation = await db.FindOrOpenOrganisationAsync(message.OrganisationId, message.Kind, now, context.CancellationToken);
        organisation.MarkVerified(message.Kind, message.LegalName, message.VerifiedAt, now);
        await db.SaveChangesAsync(context.CancellationToken);
        MatchingLog.OrganisationUpdatedFromEvent(logger, message.OrganisationId, nameof(OrganisationVerified));
    }
}
