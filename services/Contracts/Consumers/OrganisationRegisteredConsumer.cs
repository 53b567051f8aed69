using MassTransit;
using Matchmaking.Contracts.Identity;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;

namespace Matchmaking.ContractSigning.Consumers;

/// <summary>
/// Keeps each organisation's legal name, tax code, address and representative: what its signing certificate is issued
/// to, what an external certificate must name, and the fallback for a partnership snapshot that lacked them.
/// </summary>
public sealed class OrganisationRegisteredConsumer(ContractsDbContext db, TimeProvider clock, ILogger<OrganisationRegisteredConsumer> logger)
    : IConsumer<OrganisationRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationRegistered> context)
    {
        var m = context.Message;
        var organisation = await db.Organisations.FindAsync([m.OrganisationId], context.CancellationToken);
        if (organisation is null) db.Organisations.Add(organisation = Organisation.Open(m.OrganisationId));
        var address = string.Join(", ", new[] { m.Street, m.Commune, m.District, m.Province }.Where(p => !string.IsNullOrWhiteSpace(p)));
        organisation.ApplyRegistration(m.Kind, m.LegalName, m.TaxCode, address, m.Representative, m.RegisteredAt, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        ContractsLog.OrganisationRegistered(logger, m.OrganisationId);
    }
}
