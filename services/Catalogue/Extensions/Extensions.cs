using Matchmaking.Catalogue.Consumers;
using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Jobs;
using Matchmaking.Catalogue.Services;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Matchmaking.Catalogue.Extensions;

public static class Extensions
{
    /// <summary>The catalogue's database (migrated and seeded with the certification schemes), auth, messaging and the expiry job.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // The database first: its migration runs before the relay, the consumers and the expiry job start.
        builder.AddServiceDatabase<CatalogueDbContext>("catalogue-db", SchemeSeeder.SeedAsync);
        builder.AddDefaultAuthentication();
        builder.AddMessaging<CatalogueDbContext>(x =>
        {
            x.AddConsumer<OrganisationRegisteredConsumer>();
            x.AddConsumer<OrganisationVerifiedConsumer>();
        });

        // The validation source generator registers this project's request types where AddValidation is called,
        // so the call in the service defaults alone would validate nothing here.
        builder.Services.AddValidation();
        builder.Services.AddScoped<CatalogueServices>();
        builder.Services.AddOptions<CertificateExpiryOptions>().BindConfiguration(CertificateExpiryOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CertificateExpiryJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CertificateExpiryJob>());

        // The largest legitimate body (a product with two 5,000-character descriptions) is far below 1 MB.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }
}
