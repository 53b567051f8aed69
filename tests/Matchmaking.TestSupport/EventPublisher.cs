using MassTransit;

namespace Matchmaking.TestSupport;

/// <summary>
/// Stands in for the other services in a service's tests: publishes their events on the test's virtual host, with a
/// chosen MessageId when a test delivers the same message twice.
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    private IBusControl _bus = null!;

    public static async Task<EventPublisher> StartAsync(string amqpUri)
    {
        var broker = Messaging.BrokerAddress.Parse(amqpUri);
        var publisher = new EventPublisher
        {
            _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h => { h.Username(broker.Username); h.Password(broker.Password); })),
        };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await publisher._bus.StartAsync(cts.Token);
        return publisher;
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        _bus.Publish(message, ctx => ctx.MessageId = messageId ?? Guid.NewGuid());

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
