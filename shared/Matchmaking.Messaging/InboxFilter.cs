using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Matchmaking.Messaging;

/// <summary>
/// Applies each message once per endpoint: the consumer's changes, the events it publishes on commit
/// and the inbox record commit in one transaction, and a message whose record exists is skipped.
/// Two concurrent deliveries race on the inbox primary key; the loser rolls back and, on retry, skips.
/// </summary>
public sealed partial class InboxFilter<T>(MessagingDbContext holder, TimeProvider clock, ILogger<InboxFilter<T>> logger)
    : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var db = holder.Context;
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be de-duplicated");
        var consumer = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');
        var ct = context.CancellationToken;

        db.ChangeTracker.Clear(); // a retry must not carry the failed attempt's tracked changes
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct))
        {
            MessagingTelemetry.DuplicatesSkipped.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
            LogDuplicate(logger, messageId, consumer);
            return;
        }

        await next.Send(context);

        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another delivery of the same message won the race; roll ours back and let retry find its record.
            throw new InboxConflictException(messageId, consumer, ex);
        }
        await tx.CommitAsync(ct);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}

/// <summary>The scoped DbContext of the service, as the inbox filter sees it.</summary>
public sealed class MessagingDbContext(DbContext context)
{
    public DbContext Context { get; } = context;
}

public sealed class InboxConflictException(Guid messageId, string consumer, Exception inner)
    : Exception($"Message {messageId} was applied concurrently by {consumer}", inner);
