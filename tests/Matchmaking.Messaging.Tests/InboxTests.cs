using MassTransit;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.Messaging.Tests;

public sealed class InboxTests : IAsyncLifetime
{
    private string _vhost = "";
    private IBusControl _sender = null!;

    public async Task InitializeAsync()
    {
        _vhost = await TestInfrastructure.NewVirtualHostAsync();
        var broker = BrokerAddress.Parse(_vhost);
        _sender = Bus.Factory.CreateUsingRabbitMq(cfg =>
            cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h => { h.Username(broker.Username); h.Password(broker.Password); }));
        await _sender.StartAsync();
    }

    public async Task DisposeAsync() => await _sender.StopAsync();

    private Task SendAsync(WidgetPainted message, Guid messageId) =>
        _sender.Publish(message, ctx => ctx.MessageId = messageId);

    private static Task<Guid> NewWidgetAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var widget = new Widget { Id = Guid.NewGuid(), Name = "Tranh sơn mài" };
        db.Widgets.Add(widget);
        await db.SaveChangesAsync();
        return widget.Id;
    });

    /// <summary>Waits for at least <paramref name="atLeast"/> paints, then long enough for a duplicate to be (wrongly) applied.</summary>
    private static async Task<int> PaintsWhenSettledAsync(TestApp app, Guid widgetId, int atLeast)
    {
        Task<int> Paints() => app.WithDbAsync(db => db.Widgets.Where(w => w.Id == widgetId).Select(w => w.Paints).SingleAsync());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await Paints() < atLeast && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(1500);
        return await Paints();
    }

    [Fact]
    public async Task A_message_delivered_twice_is_applied_once()
    {
        await using var app = await TestApp.StartAsync(_vhost);
        var widgetId = await NewWidgetAsync(app);
        var messageId = Guid.NewGuid();

        await SendAsync(new WidgetPainted(widgetId, "xanh"), messageId);
        Assert.Equal(1, await PaintsWhenSettledAsync(app, widgetId, 1));
        await SendAsync(new WidgetPainted(widgetId, "xanh"), messageId);

        Assert.Equal(1, await PaintsWhenSettledAsync(app, widgetId, 1));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Two_copies_delivered_at_the_same_time_are_applied_once()
    {
        await using var app = await TestApp.StartAsync(_vhost);
        var widgetId = await NewWidgetAsync(app);
        var messageId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(new WidgetPainted(widgetId, "đỏ"), messageId)));

        Assert.Equal(1, await PaintsWhenSettledAsync(app, widgetId, 1));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Distinct_messages_are_each_applied()
    {
        await using var app = await TestApp.StartAsync(_vhost);
        var widgetId = await NewWidgetAsync(app);

        await SendAsync(new WidgetPainted(widgetId, "vàng"), Guid.NewGuid());
        await SendAsync(new WidgetPainted(widgetId, "vàng"), Guid.NewGuid());

        Assert.Equal(2, await PaintsWhenSettledAsync(app, widgetId, 2));
    }
}
