using Matchmaking.Matching.Agreements;
using Matchmaking.Matching.Consumers;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.Jobs;
using Matchmaking.Matching.Notifications;
using Matchmaking.Matching.Partnerships;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Matchmaking.Matching.Extensions;

public static class Extensions
{
    /// <summary>The matching database (read models created by its migration), auth, messaging, the engine and the two jobs.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // The database first: its migration runs before the relay, the consumers and the jobs start.
        builder.AddServiceDatabase<MatchingDbContext>("matching-db");
        builder.AddDefaultAuthentication();
        builder.AddMessaging<MatchingDbContext>(x =>
        {
            x.AddConsumer<ProductPublishedConsumer>();
            x.AddConsumer<ProductUpdatedConsumer>();
            x.AddConsumer<ProductWithdrawnConsumer>();
            x.AddConsumer<CertificationExpiredConsumer>();
            x.AddConsumer<NeedPostedConsumer>();
            x.AddConsumer<NeedUpdatedConsumer>();
            x.AddConsumer<NeedClosedConsumer>();
            x.AddConsumer<OrganisationRegisteredConsumer>();
            x.AddConsumer<OrganisationVerifiedConsumer>();
            x.AddConsumer<AgreementDraftedConsumer>();
            x.AddConsumer<AgreementAmendedConsumer>();
            x.AddConsumer<AgreementSentForSignatureConsumer>();
            x.AddConsumer<AgreementSignatureDueConsumer>();
            x.AddConsumer<AgreementSignedConsumer>();
            x.AddConsumer<AgreementActivatedConsumer>();
            x.AddConsumer<AgreementTerminatedConsumer>();
            x.AddConsumer<AgreementExpiredConsumer>();
        });

        // The validation source generator registers this project's request types where AddValidation is called,
        // so the call in the service defaults alone would validate nothing here.
        builder.Services.AddValidation();
        builder.Services.AddScoped<ReadModelWriter>();
        builder.Services.AddScoped<ReadModelReader>();
        builder.Services.AddScoped<NotificationWriter>();
        builder.Services.AddScoped<MatchAnnouncer>();
        builder.Services.AddScoped<MatchEngine>();
        builder.Services.AddScoped<PartnershipAnnouncer>();
        builder.Services.AddScoped<PartnershipService>();
        builder.Services.AddScoped<AgreementTracker>();

        builder.Services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PartnershipOptions>().BindConfiguration(PartnershipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MatchRevalidationJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MatchRevalidationJob>());
        builder.Services.AddSingleton<PartnershipExpiryJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PartnershipExpiryJob>());

        // The largest legitimate body (a request for 20 products with a 2,000-character message) is far below 256 KB.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 256 * 1024);
        return builder;
    }
}
