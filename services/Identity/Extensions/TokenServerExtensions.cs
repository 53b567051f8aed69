using Matchmaking.Identity.Data;
using Matchmaking.Identity.Services;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Matchmaking.Identity.Extensions;

/// <summary>The audiences every access token carries, and the scope that asks for them.</summary>
public static class ApiResources
{
    public const string Scope = "api";
    public const string Identity = "identity-api";

    public static readonly string[] All = ["catalogue-api", "needs-api", "matching-api", "contracts-api", Identity];
}

internal static class TokenServerExtensions
{
    /// <summary>
    /// OpenIddict as the token server (authorization code with PKCE, refresh tokens, client credentials) with its
    /// stores in the identity database, and OpenIddict's validation for this service's own APIs.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder, IdentityServerSettings settings)
    {
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, ApiResources.Scope);
                o.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.Role, TokenClaims.OrganisationId, TokenClaims.OrganisationKind);
                o.RegisterAudiences(ApiResources.All);

                if (settings.Issuer is not null) o.SetIssuer(settings.Issuer);

                // Plain signed JWTs, so every other service validates them with stock JwtBearer and the published JWKS.
                o.DisableAccessTokenEncryption();
                if (settings.KeyDirectory is { Length: > 0 } directory)
                {
                    o.AddSigningKey(KeyStore.LoadOrCreate(directory, "signing"));
                    o.AddEncryptionKey(KeyStore.LoadOrCreate(directory, "encryption"));
                }
                else
                {
                    o.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                }

                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the gateway; inside, the service speaks plain HTTP.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(ApiResources.Identity);
                o.UseAspNetCore();
            });
        return builder;
    }
}
