using Matchmaking.Catalogue.Consumers;
using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Jobs;
using Matchmaking.Catalogue.Search;
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
        // The search tables are created in the same step, so consumers never index into a missing table.
        builder.AddServiceDatabase<CatalogueDbContext>("catalogue-db", async (db, sp, ct) =>
        {
            await SchemeSeeder.SeedAsync(db, sp, ct);
            await sp.GetRequiredService<IProductSearchIndex>().EnsureCreatedAsync(ct);
            await SearchIndexRebuild.FillIfEmptyAsync(db, sp, ct);
        });
        builder.AddProductSearch();
        builder.AddDefaultAuthentication();
        builder.AddMessaging<CatalogueDbContext>(x =>
        {
            x.AddConsumer<OrganisationRegisteredConsumer>();
            x.AddConsumer<OrganisationVerifiedConsumer>();
            x.AddConsumer<ProductPublishedConsumer>();
            x.AddConsumer<ProductUpdatedConsumer>();
            x.AddConsumer<ProductWithdrawnConsumer>();
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
        // A search URL with an over-long q must reach the endpoint to get its 400 naming the field, rather than a bare 414
        // from Kestrel's 8 KB request-line default (10,000 Vietnamese characters percent-encode to ~90 KB).
        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = 1024 * 1024;
            o.Limits.MaxRequestLineSize = 128 * 1024;
            o.Limits.MaxRequestBufferSize = 256 * 1024;
        });
        return builder;
    }
}
