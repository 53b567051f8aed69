using System.Threading.Channels;
using MassTransit;

namespace Matchmaking.TestSupport;

/// <summary>A separate MassTransit bus on a test's virtual host that records every <typeparamref name="T"/> published there.</summary>
public sealed class EventListener<T> : IAsyncDisposable where T : class
{
    private readonly Channel<ConsumeContext<T>> _received = Channel.CreateUnbounded<ConsumeContext<T>>();
    private readonly List<ConsumeContext<T>> _seen = [];
    private IBusControl _bus = null!;

    public static async Task<EventListener<T>> StartAsync(string amqpUri)
    {
        var listener = new EventListener<T>();
        var broker = Messaging.BrokerAddress.Parse(amqpUri);
        listener._bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h => { h.Username(broker.Username); h.Password(broker.Password); });
            cfg.ReceiveEndpoint($"test-listener-{typeof(T).Name}-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<T>(ctx => listener._received.Writer.WriteAsync(ctx).AsTask());
            });
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await listener._bus.StartAsync(cts.Token);
        return listener;
    }

    /// <summary>Waits for a message that satisfies <paramref name="match"/>, including ones already received.</summary>
    public async Task<ConsumeContext<T>> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        lock (_seen)
        {
            var earlier = _seen.FirstOrDefault(c => match(c.Message));
            if (earlier is not null) return earlier;
        }
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var context = await _received.Reader.ReadAsync(cts.Token);
                lock (_seen) _seen.Add(context);
                if (match(context.Message)) return context;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {typeof(T).Name} matching the condition arrived in time");
        }
    }

    /// <summary>Everything received so far, after waiting <paramref name="quiet"/> for stragglers.</summary>
    public async Task<IReadOnlyList<T>> ReceivedAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        while (_received.Reader.TryRead(out var context)) lock (_seen) _seen.Add(context);
        lock (_seen) return _seen.Select(c => c.Message).ToList();
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
