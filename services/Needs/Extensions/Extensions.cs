using MassTransit;
using Matchmaking.Messaging;
using Matchmaking.Needs.Consumers;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Jobs;
using Matchmaking.Needs.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Matchmaking.Needs.Extensions;

public static class Extensions
{
    /// <summary>The needs database (migrated on start), auth, messaging with the product read model, and the expiry job.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // The database first: its migration runs before the relay, the consumers and the expiry job start.
        builder.AddServiceDatabase<NeedsDbContext>("needs-db");
        builder.AddDefaultAuthentication();
        builder.AddMessaging<NeedsDbContext>(x =>
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
        builder.Services.AddScoped<NeedsServices>();
        builder.Services.AddOptions<NeedExpiryOptions>().BindConfiguration(NeedExpiryOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<NeedExpiryJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NeedExpiryJob>());

        // The largest legitimate body (a need with a 5,000-character description and 20 keywords) is far below 1 MB.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }
}
