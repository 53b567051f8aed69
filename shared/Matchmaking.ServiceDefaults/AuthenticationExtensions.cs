using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Matchmaking.ServiceDefaults;

public sealed class TokenValidationSettings
{
    public const string Section = "Identity";

    /// <summary>Where this service fetches the identity service's discovery document and signing keys (JWKS).</summary>
    [Required, Url]
    public string Url { get; set; } = "";

    /// <summary>The public issuer the tokens carry (the gateway's address); defaults to <see cref="Url"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience this service accepts; tokens for other resources are refused.</summary>
    [Required]
    public string Audience { get; set; } = "";
}

public static class AuthenticationExtensions
{
    /// <summary>JWT bearer validation against the identity service's published keys, and the authorization services.</summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TokenValidationSettings>().BindConfiguration(TokenValidationSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenValidationSettings>>((jwt, settings) =>
            {
                var s = settings.Value;
                jwt.MetadataAddress = s.Url.TrimEnd('/') + "/.well-known/openid-configuration";
                jwt.RequireHttpsMetadata = false; // services sit behind the gateway on a private network
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.ValidIssuer = (s.Issuer ?? s.Url).TrimEnd('/') + "/";
                jwt.TokenValidationParameters.ValidAudience = s.Audience;
                jwt.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
                jwt.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
            });
        builder.Services.AddAuthorization();
        return builder;
    }
}
