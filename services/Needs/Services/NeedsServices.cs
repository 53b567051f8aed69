using System.Security.Claims;
using Matchmaking.Contracts.Identity;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Model;
using Matchmaking.ServiceDefaults;

namespace Matchmaking.Needs.Services;

/// <summary>What every needs handler needs, injected as one parameter (eShop's OrderServices pattern).</summary>
public sealed class NeedsServices(NeedsDbContext db, TimeProvider clock, ILogger<NeedsServices> logger)
{
    public NeedsDbContext Db { get; } = db;
    public TimeProvider Clock { get; } = clock;
    public ILogger Logger { get; } = logger;

    public DateTimeOffset Now => Clock.GetUtcNow();
    public DateOnly Today => Clock.Today();

    /// <summary>
    /// The caller's retailer profile, created from the token if OrganisationRegistered has not arrived yet: the identity
    /// service has already vouched for the organisation in the token, so its members should not wait on the broker.
    /// </summary>
    public async Task<RetailerProfile> EnsureRetailerAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var retailerId = user.RequireRetailer();
        var (profile, opened) = await Db.FindOrOpenRetailerAsync(retailerId, Now, ct);
        if (opened) NeedsLog.RetailerCreatedLazily(Logger, retailerId);
        return profile;
    }
}

public static class RetailerAccess
{
    /// <summary>The caller's organisation id, or 403 unless the token names a retailer organisation.</summary>
    public static Guid RequireRetailer(this ClaimsPrincipal user)
    {
        var organisationId = user.RequireOrganisation();
        if (user.OrganisationKindOf() != OrganisationKinds.Retailer)
            throw new ForbiddenException("Only members of a retailer organisation can change needs data.");
        return organisationId;
    }
}
