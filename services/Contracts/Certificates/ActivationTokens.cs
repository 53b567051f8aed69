using System.Security.Claims;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaking.ContractSigning.Certificates;

/// <summary>What a valid signature activation token says: who confirmed, and its id (which signs once).</summary>
public sealed record SignatureActivationGrant(string TokenId, string? SignerName);

/// <summary>
/// Checks a signature activation token: the identity service issues one after a signer re-enters their password for one
/// exact document. Validated with the same keys and issuer as access tokens (the JwtBearer options, so the same JWKS and
/// the same test keys), but its own audience and type, so neither kind of token passes for the other. The token must be
/// for this caller, this organisation, this document's SHA-256 and this agreement version, and unused (the caller checks
/// the id against the signatures table, whose unique index settles races).
/// </summary>
public sealed class ActivationTokens(IOptionsMonitor<JwtBearerOptions> jwt)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<SignatureActivationGrant> ValidateAsync(string token, ClaimsPrincipal caller, string documentSha256, string reference, CancellationToken ct)
    {
        var options = jwt.Get(JwtBearerDefaults.AuthenticationScheme);
        var configuration = options.Configuration ?? await options.ConfigurationManager!.GetConfigurationAsync(ct);
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.TokenValidationParameters.ValidIssuer,
            ValidAudience = SignatureActivation.Audience,
            ValidTypes = [SignatureActivation.TokenType],
            IssuerSigningKeys = configuration.SigningKeys,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // The token lives five minutes; the identity service and this one share a clock source, so little skew is allowed.
            ClockSkew = TimeSpan.FromSeconds(15),
            NameClaimType = PlatformClaims.Name,
            RoleClaimType = PlatformClaims.Role,
        });
        if (!result.IsValid) throw Refused(Reason(result.Exception));

        var claims = result.ClaimsIdentity;
        if (claims.FindFirst(PlatformClaims.Subject)?.Value is not { } subject || subject != caller.FindFirstValue(PlatformClaims.Subject))
            throw Refused("The activation token was issued to another user.");
        if (claims.FindFirst(PlatformClaims.OrganisationId)?.Value is not { } organisation || organisation != caller.FindFirstValue(PlatformClaims.OrganisationId))
            throw Refused("The activation token was issued for another organisation.");
        if (!claims.FindAll(PlatformClaims.Role).Any(r => Access.SignerRoles.Contains(r.Value)))
            throw Refused("The activation token was issued to a user who may not sign.");
        if (!string.Equals(claims.FindFirst(SignatureActivation.DocumentHashClaim)?.Value, documentSha256, StringComparison.OrdinalIgnoreCase))
            throw Refused("The activation token confirms another document: its SHA-256 is not this version's.");
        if (claims.FindFirst(SignatureActivation.ReferenceClaim)?.Value != reference)
            throw Refused($"The activation token was issued for another agreement or version (expected reference {reference}).");
        if (claims.FindFirst(JwtRegisteredClaimNames.Jti)?.Value is not { Length: > 0 and <= 128 } tokenId)
            throw Refused("The activation token has no usable id (jti).");
        return new SignatureActivationGrant(tokenId, claims.FindFirst(PlatformClaims.Name)?.Value);
    }

    public static DomainValidationException Refused(string reason) => new("activationToken", reason);

    /// <summary>Plain reasons for the failures a client can act on; never the token itself.</summary>
    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The activation token has expired; confirm the signature again.",
        SecurityTokenNotYetValidException => "The activation token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The token is not a signature activation token (wrong audience).",
        SecurityTokenInvalidTypeException => "The token is not a signature activation token (wrong type).",
        SecurityTokenInvalidIssuerException => "The activation token was issued by an unknown issuer.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The activation token's signature is not valid.",
        _ => "The activation token is not valid.",
    };
}
