using System.Security.Claims;
using Matchmaking.Contracts.Identity;
using Matchmaking.ServiceDefaults;

namespace Matchmaking.Matching.Services;

/// <summary>Who may do what, from the token: retailers request, suppliers answer, the programme office only reads.</summary>
public static class Access
{
    public static Guid RequireRetailer(this ClaimsPrincipal user, string action)
    {
        var organisationId = user.RequireOrganisation();
        if (user.OrganisationKindOf() != OrganisationKinds.Retailer) throw new ForbiddenException($"Only retailers {action}.");
        return organisationId;
    }

    public static Guid RequireSupplier(this ClaimsPrincipal user, string action)
    {
        var organisationId = user.RequireOrganisation();
        if (user.OrganisationKindOf() != OrganisationKinds.Supplier) throw new ForbiddenException($"Only suppliers {action}.");
        return organisationId;
    }

    public static Guid? UserIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PlatformClaims.Subject), out var id) ? id : null;
}
