using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Messaging;

public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an integration event to be published once, and only if, the current SaveChanges commits.
    /// </summary>
    public static void PublishOnCommit<T>(this DbContext db, T message) where T : class
    {
        var type = message.GetType();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = NewId(),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, type, Json),
            TraceParent = Activity.Current?.Id,
            CorrelationId = Activity.Current?.GetBaggageItem("correlation.id"),
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }

    private static Guid NewId() => Guid.CreateVersion7();
}
