using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Matchmaking.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (connection string "rabbitmq", an amqp:// URI), kebab-case endpoints prefixed with the service's name,
    /// retry outside the consumers, the inbox on every endpoint and the outbox relay for <typeparamref name="TDbContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null) where TDbContext : DbContext
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        services.AddScoped(sp => new MessagingDbContext(sp.GetRequiredService<TDbContext>()));
        services.AddHostedService<OutboxRelay<TDbContext>>();

        var broker = BrokerAddress.Parse(builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("Connection string 'rabbitmq' is missing (amqp://user:pass@host:port/vhost)"));

        // Services share a virtual host, and two services consuming the same event must each get every copy: queues are
        // named per service ("catalogue-product-published", "matching-product-published"), never just after the consumer.
        var queuePrefix = builder.Configuration["Messaging:QueuePrefix"] ?? builder.Environment.ApplicationName.Split('.')[0];
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, includeNamespace: false));
            configureConsumers?.Invoke(x);
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.Username);
                    h.Password(broker.Password);
                    h.ConnectionName(builder.Environment.ApplicationName);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>Lets the relay start as soon as a transaction with outbox rows commits.</summary>
    public static DbContextOptionsBuilder UseOutboxSignal(this DbContextOptionsBuilder options, IServiceProvider services)
    {
        var interceptor = services.GetService<OutboxCommitInterceptor>();
        return interceptor is null ? options : options.AddInterceptors(interceptor);
    }
}
