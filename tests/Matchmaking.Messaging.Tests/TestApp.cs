using MassTransit;
using Matchmaking.Messaging;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Messaging.Tests;

public sealed record WidgetCreated(Guid WidgetId, string Name);

public sealed record WidgetPainted(Guid WidgetId, string Colour);

public sealed class Widget
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public int Paints { get; set; }
}

public sealed class WidgetDbContext(DbContextOptions<WidgetDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

/// <summary>Counts paints in the database, so a duplicate delivery that slipped through would show as 2.</summary>
public sealed class WidgetPaintedConsumer(WidgetDbContext db) : IConsumer<WidgetPainted>
{
    public async Task Consume(ConsumeContext<WidgetPainted> context)
    {
        // Atomic in SQL: two different paints consumed at once must both count (a read-modify-write would lose one).
        await db.Widgets.Where(w => w.Id == context.Message.WidgetId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Paints, w => w.Paints + 1));
    }
}

/// <summary>A host with the real messaging wiring: MassTransit on RabbitMQ, the outbox relay and the inbox.</summary>
public sealed class TestApp : IAsyncDisposable
{
    public required IHost Host { get; init; }
    public required string DatabaseConnectionString { get; init; }

    public static async Task<TestApp> StartAsync(string amqpUri, string? database = null, bool waitForBroker = true)
    {
        database ??= TestInfrastructure.NewDatabase("messaging");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("MassTransit", LogLevel.Error); // outages are provoked on purpose
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = amqpUri,
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:PublishTimeout"] = "00:00:01",
            ["Outbox:MaxBackoff"] = "00:00:00.500",
        });
        builder.Services.AddDbContext<WidgetDbContext>((sp, o) => o.UseNpgsql(database).UseOutboxSignal(sp));
        builder.AddMessaging<WidgetDbContext>(x => x.AddConsumer<WidgetPaintedConsumer>());
        builder.Services.Configure<MassTransitHostOptions>(o => { o.WaitUntilStarted = waitForBroker; o.StartTimeout = TimeSpan.FromSeconds(30); });
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WidgetDbContext>().Database.EnsureCreatedAsync();
        await host.StartAsync();
        return new TestApp { Host = host, DatabaseConnectionString = database };
    }

    public async Task<T> WithDbAsync<T>(Func<WidgetDbContext, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<WidgetDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
