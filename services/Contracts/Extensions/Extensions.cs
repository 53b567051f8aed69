using Matchmaking.ContractSigning.Agreements;
using Matchmaking.ContractSigning.Audit;
using Matchmaking.ContractSigning.Certificates;
using Matchmaking.ContractSigning.Consumers;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Documents;
using Matchmaking.ContractSigning.Jobs;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ContractSigning.Signing;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Matchmaking.ContractSigning.Extensions;

public static class Extensions
{
    /// <summary>The contracts database (migrated, then the platform CA created), auth, messaging, signing and the lifecycle job.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Checked on start: the seed below creates the CA with the master key, so a missing or short key stops the start here.
        builder.Services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SigningOptions>, SigningOptionsValidator>();

        // The database first: its migration (and the CA) are in place before the relay, the consumers and the job start.
        builder.AddServiceDatabase<ContractsDbContext>("contracts-db",
            seed: (db, services, ct) => services.GetRequiredService<PlatformAuthority>().EnsureCreatedAsync(db, ct));
        builder.AddDefaultAuthentication();
        builder.AddMessaging<ContractsDbContext>(x =>
        {
            x.AddConsumer<PartnershipAcceptedConsumer>();
            x.AddConsumer<OrganisationRegisteredConsumer>();
        });

        // The validation source generator registers this project's request types where AddValidation is called,
        // so the call in the service defaults alone would validate nothing here.
        builder.Services.AddValidation();
        builder.Services.AddSingleton(sp => new KeyProtector(sp.GetRequiredService<IOptions<SigningOptions>>().Value.MasterKeyBytes()));
        builder.Services.AddSingleton<AgreementPdfRenderer>();
        builder.Services.AddSingleton<PlatformAuthority>();
        builder.Services.AddSingleton<TrustStore>();
        builder.Services.AddSingleton<ActivationTokens>();
        builder.Services.AddScoped<CertificateService>();
        builder.Services.AddScoped<VersionDocuments>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<AgreementAnnouncer>();
        builder.Services.AddScoped<AgreementDrafting>();
        builder.Services.AddScoped<AgreementService>();
        builder.Services.AddScoped<SigningService>();
        builder.Services.AddScoped<SignatureReport>();
        builder.Services.AddScoped<EvidenceService>();
        builder.Services.AddScoped<AgreementLifecycle>();

        builder.Services.AddSingleton<AgreementLifecycleJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgreementLifecycleJob>());

        // The largest legitimate body is a document checked by POST /verification: a signed agreement PDF is a few hundred KB,
        // a third more in base64; 8 MB leaves room for long annexes and refuses anything absurd.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 8 * 1024 * 1024);
        return builder;
    }
}
