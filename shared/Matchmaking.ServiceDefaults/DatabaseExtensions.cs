using System.Diagnostics;
using Matchmaking.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Matchmaking.ServiceDefaults;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database from connection string <paramref name="connectionName"/>,
    /// a readiness check on it, and migrations (then <paramref name="seed"/>) applied before the service takes requests.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName,
        Func<TContext, IServiceProvider, CancellationToken, Task>? seed = null) where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing");
        builder.Services.AddDbContext<TContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
            .UseOutboxSignal(sp));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: ["ready"]);
        builder.Services.AddHostedService(sp => new MigrateOnStartup<TContext>(sp, seed));
        return builder;
    }

    private sealed class MigrateOnStartup<TContext>(IServiceProvider services, Func<TContext, IServiceProvider, CancellationToken, Task>? seed)
        : IHostedService where TContext : DbContext
    {
        private static readonly ActivitySource Source = new("Matchmaking.Migrations");

        public async Task StartAsync(CancellationToken ct)
        {
            using var activity = Source.StartActivity($"migrate {typeof(TContext).Name}");
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await db.Database.MigrateAsync(ct);
            if (seed is not null) await seed(db, scope.ServiceProvider, ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
