using Matchmaking.Identity.Data;
using Matchmaking.Identity.Services;
using Matchmaking.Identity.Model;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;

namespace Matchmaking.Identity.Extensions;

public static class Extensions
{
    /// <summary>The identity database (migrated, then seeded with the portal client and the programme office), users, the token server and messaging.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdentityServerSettings>().BindConfiguration(IdentityServerSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapSettings>().BindConfiguration(BootstrapSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(IdentityServerSettings.Section).Get<IdentityServerSettings>() ?? new();

        builder.AddServiceDatabase<IdentityDbContext>("identity-db", IdentitySeeder.SeedAsync);
        builder.AddMessaging<IdentityDbContext>();

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // The cookie only carries the browser through the authorization endpoint; APIs accept nothing but access tokens.
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.Cookie.Name = "greenlink.identity";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o => o.Cookie.Name = "greenlink.antiforgery");
        if (settings.KeyDirectory is { Length: > 0 } keys)
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(keys, "data-protection")));

        builder.AddTokenServer(settings);

        // The validation source generator registers this project's request types where AddValidation is called.
        services.AddValidation();
        services.AddScoped<IdentityServices>();
        services.AddSingleton<SignatureActivationIssuer>();
        return builder;
    }
}
