using System.Collections.Immutable;
using System.Security.Claims;
using Matchmaking.Identity.Extensions;
using Matchmaking.Identity.Model;
using Matchmaking.ServiceDefaults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Matchmaking.Identity.Services;

/// <summary>Builds the principals OpenIddict turns into tokens: the platform's claims, and where each of them goes.</summary>
public static class TokenClaims
{
    public const string OrganisationId = PlatformClaims.OrganisationId;
    public const string OrganisationKind = PlatformClaims.OrganisationKind;

    /// <summary>A signed-in user speaking for one of their organisations (none when they have no membership).</summary>
    public static ClaimsPrincipal ForUser(ApplicationUser user, Membership? membership, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.FullName)
            .SetClaim(Claims.Email, user.Email);
        if (membership is not null)
        {
            identity.SetClaim(OrganisationId, membership.OrganisationId.ToString())
                .SetClaim(OrganisationKind, membership.Organisation.Kind)
                .SetClaim(Claims.Role, membership.Role);
        }
        return Finish(identity, scopes);
    }

    /// <summary>An organisation's own system, signing in with client credentials: it acts as the organisation with role "service".</summary>
    public static ClaimsPrincipal ForClient(string clientId, string displayName, Organisation organisation, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName)
            .SetClaim(OrganisationId, organisation.Id.ToString())
            .SetClaim(OrganisationKind, organisation.Kind)
            .SetClaim(Claims.Role, OrganisationRoles.Service);
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, ImmutableArray<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetAudiences(ApiResources.All);
        identity.SetDestinations(Destinations);
        return new ClaimsPrincipal(identity);
    }

    // Everything the services authorise on goes into the access token; the identity token gets only what the scopes allow.
    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name or OrganisationId or OrganisationKind or Claims.Role when claim.Subject!.HasScope(Scopes.Profile) =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name or OrganisationId or OrganisationKind or Claims.Role => [OpenIddictConstants.Destinations.AccessToken],
        Claims.Email when claim.Subject!.HasScope(Scopes.Email) =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };
}
