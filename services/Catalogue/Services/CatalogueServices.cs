using System.Security.Claims;
using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Model;
using Matchmaking.Contracts.Identity;
using Matchmaking.ServiceDefaults;

namespace Matchmaking.Catalogue.Services;

/// <summary>What every catalogue handler needs, injected as one parameter (eShop's OrderServices pattern).</summary>
public sealed class CatalogueServices(CatalogueDbContext db, TimeProvider clock, ILogger<CatalogueServices> logger)
{
    public CatalogueDbContext Db { get; } = db;
    public TimeProvider Clock { get; } = clock;
    public ILogger Logger { get; } = logger;

    public DateTimeOffset Now => Clock.GetUtcNow();
    public DateOnly Today => Clock.Today();

    /// <summary>
    /// The caller's supplier profile, created from the token if OrganisationRegistered has not arrived yet: the identity
    /// service has already vouched for the organisation in the token, so its members should not wait on the broker.
    /// The event fills in the legal name, tax code and address when it lands.
    /// </summary>
    public async Task<SupplierProfile> EnsureSupplierAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var supplierId = user.RequireSupplier();
        var (profile, opened) = await Db.FindOrOpenSupplierAsync(supplierId, Now, ct);
        if (opened) CatalogueLog.SupplierCreatedLazily(Logger, supplierId);
        return profile;
    }
}

public static class SupplierAccess
{
    /// <summary>The caller's organisation id, or 403 unless the token names a supplier organisation.</summary>
    public static Guid RequireSupplier(this ClaimsPrincipal user)
    {
        var organisationId = user.RequireOrganisation();
        if (user.OrganisationKindOf() != OrganisationKinds.Supplier)
            throw new ForbiddenException("Only members of a supplier organisation can change catalogue data.");
        return organisationId;
    }

    public static Guid? UserIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PlatformClaims.Subject), out var id) ? id : null;
}
