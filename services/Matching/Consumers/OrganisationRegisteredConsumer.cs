using MassTransit;
using Matchmaking.Contracts.Identity;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Consumers;

/// <summary>Records (or completes a lazily opened) organisation: the legal facts an accepted partnership names its parties by.</summary>
public sealed class OrganisationRegisteredConsumer(MatchingDbContext db, TimeProvider clock, ILogger<OrganisationRegisteredConsumer> logger)
    : IConsumer<OrganisationRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationRegistered> context)
    {
        var message = context.Message;
        var now = clock.GetUtcNow();
        var organisation = await db.FindOrOpenOrganisationAsync(message.OrganisationId, message.Kind, now, context.CancellationToken);
        organisation.ApplyRegistration(message.Kind, message.LegalName, message.TaxCode, message.Province, message.District, message.RegisteredAt, now,
            message.Street, message.Commune, message.Representative);
        await db.SaveChangesAsync(context.CancellationToken);
        MatchingLog.OrganisationUpdatedFromEvent(logger, message.OrganisationId, nameof(OrganisationRegistered));
    }
}
