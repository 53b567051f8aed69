using Matchmaking.Contracts.Identity;
using Matchmaking.Identity.Extensions;
using Matchmaking.Identity.Model;
using Matchmaking.Identity.Services;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Matchmaking.Identity.Data;

/// <summary>Runs after migrations on every start; each step is idempotent.</summary>
public static class IdentitySeeder
{
    public const string PortalClientId = "portal";
    /// <summary>Sở Công Thương Hà Nội's tax code as the platform knows it (a placeholder of the valid shape).</summary>
    public const string ProgrammeOfficeTaxCode = "0100000001";

    public static async Task SeedAsync(IdentityDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILogger<IdentityDbContext>>();
        await SeedPortalClientAsync(services, logger, ct);
        await SeedProgrammeOfficeAsync(db, services, logger, ct);
    }

    /// <summary>The web portal: a public client, so PKCE is required; its redirect URIs follow configuration on every start.</summary>
    private static async Task SeedPortalClientAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var settings = services.GetRequiredService<IOptions<IdentityServerSettings>>().Value;
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit, // first-party: no consent screen
            DisplayName = "Green Link portal",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Prefixes.Scope + ApiResources.Scope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in settings.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in settings.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));

        var existing = await applications.FindByClientIdAsync(PortalClientId, ct);
        if (existing is null) await applications.CreateAsync(descriptor, ct);
        else await applications.UpdateAsync(existing, descriptor, ct);
        logger.PortalClientRegistered(PortalClientId, descriptor.RedirectUris.Count);
    }

    private static async Task SeedProgrammeOfficeAsync(IdentityDbContext db, IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var bootstrap = services.GetRequiredService<IOptions<BootstrapSettings>>().Value;
        if (!bootstrap.Enabled) return;
        var identity = services.GetRequiredService<IdentityServices>();
        if (await identity.Users.FindByEmailAsync(bootstrap.Email!) is not null) return;

        var person = new NewUser(bootstrap.Email!, bootstrap.Password!, bootstrap.FullName);
        var office = await db.Organisations.SingleOrDefaultAsync(o => o.Kind == OrganisationKinds.ProgrammeOffice, ct);
        if (office is not null)
        {
            // The office exists but the configured account does not (it was changed): make it another owner.
            var user = identity.NewApplicationUser(person);
            user.Memberships.Add(new Membership { OrganisationId = office.Id, Role = OrganisationRoles.Owner, CreatedAt = identity.Now });
            await identity.CreateUserAsync(user, person.Password, "Bootstrap:ProgrammeOffice");
            logger.ProgrammeOfficeBootstrapped(office.Id, user.Id);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (organisation, owner) = await identity.RegisterAsync(OrganisationKinds.ProgrammeOffice, "Sở Công Thương Hà Nội", ProgrammeOfficeTaxCode,
            new Address("331 Trần Phú", "Phường Hà Đông", "Quận Hà Đông", "Hà Nội"),
            new Contact("Văn phòng chương trình", bootstrap.Email!, "+84 24 3825 3141"), person, "Bootstrap:ProgrammeOffice", ct);
        organisation.Verify(owner.Id.ToString(), identity.Now);
        db.PublishOnCommit(organisation.ToVerified());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.ProgrammeOfficeBootstrapped(organisation.Id, owner.Id);
    }
}
