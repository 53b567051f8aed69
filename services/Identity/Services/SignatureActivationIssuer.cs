using Matchmaking.Identity.Model;
using Matchmaking.ServiceDefaults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Matchmaking.Identity.Services;

/// <summary>An activation token as issued: the compact JWT, its id and when it stops being accepted.</summary>
public sealed record IssuedActivation(string Token, string TokenId, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues signature activation tokens (<see cref="SignatureActivation"/>) with the token server's own signing key and
/// issuer, so the contract service checks them exactly as it checks access tokens: same JWKS, same issuer, but its own
/// audience and type, which keep either kind of token from passing as the other.
/// </summary>
public sealed class SignatureActivationIssuer(IOptionsMonitor<OpenIddictServerOptions> server, TimeProvider clock)
{
    public const string AuthenticationTime = "auth_time";
    public const string AuthenticationMethods = "amr";
    /// <summary>RFC 8176: authenticated with a password.</summary>
    public const string Password = "pwd";

    /// <summary>A token for <paramref name="user"/> signing for <paramref name="membership"/>'s organisation, who proved their password just now.</summary>
    public IssuedActivation Issue(ApplicationUser user, Membership membership, string documentSha256, string reference, HttpRequest request)
    {
        var options = server.CurrentValue;
        // OpenIddict sorts its credentials best first; only an asymmetric key is published in the JWKS others verify with.
        var credentials = options.SigningCredentials.FirstOrDefault(c => c.Key is AsymmetricSecurityKey)
            ?? throw new InvalidOperationException("The token server has no asymmetric signing key.");
        // Whole seconds, as the JWT carries them, so the expiry the response reports is the token's own.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = now + SignatureActivation.Lifetime;
        var tokenId = Guid.NewGuid().ToString("N");
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = SignatureActivation.TokenType,
            Issuer = IssuerOf(options, request),
            Audience = SignatureActivation.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                [PlatformClaims.Subject] = user.Id.ToString(),
                [PlatformClaims.OrganisationId] = membership.OrganisationId.ToString(),
                [PlatformClaims.Role] = membership.Role,
                [PlatformClaims.Name] = user.FullName,
                [SignatureActivation.DocumentHashClaim] = documentSha256,
                [SignatureActivation.ReferenceClaim] = reference,
                [JwtRegisteredClaimNames.Jti] = tokenId,
                [AuthenticationTime] = now.ToUnixTimeSeconds(),
                [AuthenticationMethods] = new[] { Password },
            },
        });
        return new IssuedActivation(token, tokenId, expiresAt);
    }

    /// <summary>
    /// The issuer OpenIddict puts in access tokens and the discovery document: the configured one, else the request's
    /// own base address (scheme, host and path base, as OpenIddict's ResolveRequestUri builds it).
    /// </summary>
    internal static string IssuerOf(OpenIddictServerOptions options, HttpRequest request) =>
        (options.Issuer ?? new Uri(request.Scheme + Uri.SchemeDelimiter + request.Host + request.PathBase, UriKind.Absolute)).AbsoluteUri;
}
