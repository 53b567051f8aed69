using Matchmaking.Identity.Model;
using Matchmaking.Identity.Services;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Matchmaking.Identity.Apis;

/// <summary>
/// The OpenID Connect endpoints in passthrough mode: OpenIddict validates the protocol, these handlers decide who the
/// caller is and which claims the tokens carry.
/// </summary>
public static class ConnectApi
{
    /// <summary>An optional authorize parameter choosing which of the user's organisations the tokens speak for.</summary>
    public const string OrganisationParameter = "organisation_id";

    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/connect").WithTags("OpenID Connect").ExcludeFromDescription();
        api.MapMethods("/authorize", ["GET", "POST"], Authorize).WithName("Authorize");
        api.MapPost("/token", Exchange).WithName("Token");
        // The cast keeps the handler a route handler (its result written), not a bare RequestDelegate.
        api.MapMethods("/userinfo", ["GET", "POST"], (Delegate)UserInfo).WithName("UserInfo");
        api.MapMethods("/endsession", ["GET", "POST"], EndSession).WithName("EndSession");
        return app;
    }

    public static async Task<IResult> Authorize(HttpContext http, [FromServices] IdentityServices services,
        [FromServices] SignInManager<ApplicationUser> signIn)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await signIn.UserManager.GetUserAsync(cookie.Principal) : null;
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.LoginRequired, "The user is not signed in.");
            // To the login page, which comes back here with the same parameters once the cookie is set.
            var parameters = http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList();
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        var memberships = services.Db.Memberships.AsNoTracking().Include(m => m.Organisation).Where(m => m.UserId == user.Id);
        Membership? membership;
        if (request[OrganisationParameter]?.ToString() is { Length: > 0 } requested)
        {
            membership = Guid.TryParse(requested, out var organisationId)
                ? await memberships.SingleOrDefaultAsync(m => m.OrganisationId == organisationId, http.RequestAborted) : null;
            if (membership is null) return Refuse(Errors.AccessDenied, "The user is not a member of the requested organisation.");
        }
        else
        {
            membership = await memberships.OrderBy(m => m.CreatedAt).FirstOrDefaultAsync(http.RequestAborted);
        }
        return Results.SignIn(TokenClaims.ForUser(user, membership, request.GetScopes()), authenticationScheme: Server);
    }

    public static async Task<IResult> Exchange(HttpContext http, [FromServices] IdentityServices services,
        [FromServices] SignInManager<ApplicationUser> signIn)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await services.Db.OrganisationClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == request.ClientId, http.RequestAborted);
            var organisation = client is null ? null
                : await services.Db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == client.OrganisationId, http.RequestAborted);
            if (client is null || organisation is null) return Refuse(Errors.UnauthorizedClient, "The client belongs to no organisation.");
            return Results.SignIn(TokenClaims.ForClient(client.ClientId, client.DisplayName, organisation, request.GetScopes()), authenticationScheme: Server);
        }

        // Authorization code or refresh token: OpenIddict has validated it; rebuild the claims so that a removed
        // member, a changed role or a locked-out user is reflected in the new tokens.
        var granted = (await http.AuthenticateAsync(Server)).Principal;
        var user = granted?.GetClaim(Claims.Subject) is { } subject ? await signIn.UserManager.FindByIdAsync(subject) : null;
        if (granted is null || user is null || !await signIn.CanSignInAsync(user))
            return Refuse(Errors.InvalidGrant, "The user can no longer sign in.");
        Membership? membership = null;
        if (Guid.TryParse(granted.GetClaim(TokenClaims.OrganisationId), out var organisationId))
        {
            membership = await services.Db.Memberships.AsNoTracking().Include(m => m.Organisation)
                .SingleOrDefaultAsync(m => m.UserId == user.Id && m.OrganisationId == organisationId, http.RequestAborted);
            if (membership is null) return Refuse(Errors.InvalidGrant, "The user is no longer a member of the organisation.");
        }
        var principal = TokenClaims.ForUser(user, membership, granted.GetScopes());
        principal.SetAuthorizationId(granted.GetAuthorizationId());
        return Results.SignIn(principal, authenticationScheme: Server);
    }

    public static async Task<IResult> UserInfo(HttpContext http)
    {
        var principal = (await http.AuthenticateAsync(Server)).Principal;
        if (principal is null) return Results.Challenge(authenticationSchemes: [Server]);
        var claims = new Dictionary<string, object?> { [Claims.Subject] = principal.GetClaim(Claims.Subject) };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = principal.GetClaim(Claims.Name);
            claims[TokenClaims.OrganisationId] = principal.GetClaim(TokenClaims.OrganisationId);
            claims[TokenClaims.OrganisationKind] = principal.GetClaim(TokenClaims.OrganisationKind);
            claims[Claims.Role] = principal.GetClaim(Claims.Role);
        }
        if (principal.HasScope(Scopes.Email)) claims[Claims.Email] = principal.GetClaim(Claims.Email);
        return Results.Ok(claims.Where(c => c.Value is not null).ToDictionary());
    }

    public static async Task<IResult> EndSession([FromServices] SignInManager<ApplicationUser> signIn)
    {
        await signIn.SignOutAsync();
        // OpenIddict sends the browser to the client's registered post_logout_redirect_uri, or here when none was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/login" }, [Server]);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), [Server]);
}
