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

    /// <summary>
    /// Queues many events in one statement inside the caller's open transaction, in list order: for a unit of work that
    /// announces hundreds at once (a product newly matching hundreds of needs), where adding each row to the change
    /// tracker costs more than the work itself. The transaction's commit publishes them, as with <see cref="PublishOnCommit"/>.
    /// </summary>
    public static async Task PublishManyOnCommitAsync<T>(this DbContext db, IReadOnlyCollection<T> messages, CancellationToken ct) where T : class
    {
        if (messages.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("PublishManyOnCommitAsync writes straight to the outbox table: call it inside a transaction that also holds the change.");
        var ids = messages.Select(_ => NewId()).ToArray();
        var types = messages.Select(m => m.GetType()).Select(t => $"{t.FullName}, {t.Assembly.GetName().Name}").ToArray();
        var bodies = messages.Select(m => JsonSerializer.Serialize(m, m.GetType(), Json)).ToArray();
        var (traceParent, correlationId, now) = (Activity.Current?.Id, Activity.Current?.GetBaggageItem("correlation.id"), DateTimeOffset.UtcNow);
        // WITH ORDINALITY keeps list order in the identity sequence the relay publishes by.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (id, message_type, body, trace_parent, correlation_id, created_at, attempts)
            SELECT m.id, m.message_type, m.body::jsonb, {traceParent}::varchar, {correlationId}::varchar, {now}, 0
            FROM unnest({ids}, {types}, {bodies}) WITH ORDINALITY AS m(id, message_type, body, position)
            ORDER BY m.position
            """, ct);
    }

    private static Guid NewId() => Guid.CreateVersion7();
}
