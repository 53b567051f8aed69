using MassTransit;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Matchmaking.Messaging.Tests;

public sealed class OutboxTests : IAsyncLifetime
{
    private string _vhost = "";

    public async Task InitializeAsync() => _vhost = await TestInfrastructure.NewVirtualHostAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_event_leaves_only_after_its_transaction_commits()
    {
        await using var listener = await EventListener<WidgetCreated>.StartAsync(_vhost);
        await using var app = await TestApp.StartAsync(_vhost);
        var id = Guid.NewGuid();

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WidgetDbContext>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Widgets.Add(new Widget { Id = id, Name = "Bình gốm men lam" });
            db.PublishOnCommit(new WidgetCreated(id, "Bình gốm men lam"));
            await db.SaveChangesAsync();

            var early = await listener.ReceivedAsync(TimeSpan.FromSeconds(1.5));
            Assert.DoesNotContain(early, e => e.WidgetId == id);
            await tx.CommitAsync();
        }

        var arrived = await listener.WaitForAsync(e => e.WidgetId == id, TimeSpan.FromSeconds(10));
        Assert.Equal("Bình gốm men lam", arrived.Message.Name);
        Assert.NotNull(arrived.MessageId);
    }

    [Fact]
    public async Task Events_queued_in_bulk_leave_after_commit_in_list_order()
    {
        await using var listener = await EventListener<WidgetCreated>.StartAsync(_vhost);
        await using var app = await TestApp.StartAsync(_vhost);
        var ids = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();

        await using (var scope = app.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WidgetDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.PublishManyOnCommitAsync([.. ids.Select((id, i) => new WidgetCreated(id, $"Túi phân hủy sinh học số {i}"))], default);
            var early = await listener.ReceivedAsync(TimeSpan.FromSeconds(1));
            Assert.DoesNotContain(early, e => ids.Contains(e.WidgetId));
            await tx.CommitAsync();
        }

        // The relay publishes in outbox sequence order; the listener may consume concurrently, so order is checked at the source.
        var queued = await app.WithDbAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Sequence).Select(m => m.Body).ToListAsync());
        Assert.Equal(ids, queued.Select(b => System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("widgetId").GetGuid()));
        foreach (var id in ids) await listener.WaitForAsync(e => e.WidgetId == id, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Bulk_queueing_outside_a_transaction_is_refused_and_writes_nothing()
    {
        await using var app = await TestApp.StartAsync(_vhost);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WidgetDbContext>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.PublishManyOnCommitAsync([new WidgetCreated(Guid.NewGuid(), "Giỏ mây")], default));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_rolled_back_change_sends_nothing()
    {
        await using var listener = await EventListener<WidgetCreated>.StartAsync(_vhost);
        await using var app = await TestApp.StartAsync(_vhost);
        var id = Guid.NewGuid();

        await using (var scope = app.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WidgetDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Widgets.Add(new Widget { Id = id, Name = "Giỏ mây" });
            db.PublishOnCommit(new WidgetCreated(id, "Giỏ mây"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        var received = await listener.ReceivedAsync(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(received, e => e.WidgetId == id);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Widgets.CountAsync()));
    }

    [Fact]
    public async Task With_the_broker_unreachable_committed_events_wait_and_are_all_delivered_once_it_is_back()
    {
        var broker = new UriBuilder(_vhost);
        await using var proxy = new TcpProxy(broker.Port);
        proxy.Start();
        await using var listener = await EventListener<WidgetCreated>.StartAsync(_vhost); // straight to the broker
        await using var app = await TestApp.StartAsync(new UriBuilder(_vhost) { Port = proxy.Port }.Uri.ToString());

        proxy.Stop();
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await app.WithDbAsync(async db =>
            {
                db.Widgets.Add(new Widget { Id = id, Name = "Nón lá" });
                db.PublishOnCommit(new WidgetCreated(id, "Nón lá"));
                return await db.SaveChangesAsync();
            });
        }

        var duringOutage = await listener.ReceivedAsync(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(duringOutage, e => ids.Contains(e.WidgetId));
        Assert.Equal(20, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));

        proxy.Start();
        foreach (var id in ids) await listener.WaitForAsync(e => e.WidgetId == id, TimeSpan.FromSeconds(60));
        var all = await listener.ReceivedAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(20, all.Count(e => ids.Contains(e.WidgetId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));
    }

    [Fact]
    public async Task Events_committed_while_the_service_was_down_are_sent_when_it_starts()
    {
        await using var listener = await EventListener<WidgetCreated>.StartAsync(_vhost);
        var id = Guid.NewGuid();
        string database;
        await using (var first = await TestApp.StartAsync(_vhost))
        {
            database = first.DatabaseConnectionString;
            await first.Host.StopAsync(); // relay gone: nothing can send
            await first.WithDbAsync(async db =>
            {
                db.Widgets.Add(new Widget { Id = id, Name = "Lụa Vạn Phúc" });
                db.PublishOnCommit(new WidgetCreated(id, "Lụa Vạn Phúc"));
                return await db.SaveChangesAsync();
            });
        }

        await using var second = await TestApp.StartAsync(_vhost, database);
        await listener.WaitForAsync(e => e.WidgetId == id, TimeSpan.FromSeconds(10));
    }
}
