using System.Security.Claims;
using System.Security.Cryptography;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaking.TestSupport;

/// <summary>
/// Signs access tokens shaped like the identity service's (same claims, issuer and audience) with a key of the test's own,
/// so a resource service can be tested alone. The identity service's real tokens are covered by its own and the end-to-end tests.
/// </summary>
public sealed class TestTokens
{
    public const string Issuer = "https://identity.test/";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test" };

    public string Audience { get; }

    public TestTokens(string audience) => Audience = audience;

    public string For(Guid organisationId, string organisationKind, string role = OrganisationRoles.Owner, Guid? userId = null)
    {
        var handler = new JsonWebTokenHandler();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, (userId ?? Guid.NewGuid()).ToString()),
                new Claim(PlatformClaims.OrganisationId, organisationId.ToString()),
                new Claim(PlatformClaims.OrganisationKind, organisationKind),
                new Claim(PlatformClaims.Role, role),
            ]),
        });
    }

    /// <summary>
    /// A signature activation token as the identity service issues it after the user re-entered their password for one
    /// document; signed with this test key, so the service under test accepts it.
    /// </summary>
    public string SignatureActivationFor(Guid userId, Guid organisationId, string documentSha256, string reference,
        string role = OrganisationRoles.Signer, TimeSpan? lifetime = null, string audience = SignatureActivation.Audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            TokenType = SignatureActivation.TokenType,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow + (lifetime ?? SignatureActivation.Lifetime),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, userId.ToString()),
                new Claim(PlatformClaims.OrganisationId, organisationId.ToString()),
                new Claim(PlatformClaims.Role, role),
                new Claim(SignatureActivation.DocumentHashClaim, documentSha256),
                new Claim(SignatureActivation.ReferenceClaim, reference),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
        });

    /// <summary>A token for a user who belongs to no organisation.</summary>
    public string WithoutOrganisation() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddMinutes(30),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        Subject = new ClaimsIdentity([new Claim(PlatformClaims.Subject, Guid.NewGuid().ToString())]),
    });

    /// <summary>Makes the service trust this key instead of fetching the identity service's JWKS.</summary>
    public void Install(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.MetadataAddress = null!;
            o.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            o.Configuration.SigningKeys.Add(_key);
            o.TokenValidationParameters.ValidIssuer = Issuer;
            o.TokenValidationParameters.ValidAudience = Audience;
            o.TokenValidationParameters.IssuerSigningKey = _key;
        });
}
